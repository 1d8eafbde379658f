import ScenarioFormat

/// Destination-side circuit breakers of a listener (AWS behaviour §1.5): HTTP/1 limits
/// concurrent connections and queues up to `maxPendingRequests` more (default 2147483647);
/// HTTP/2 and gRPC limit concurrent requests; TCP limits connections. Beyond → 503 overflow.
public struct ConnectionPoolLimits: Sendable, Equatable {
  public var protocolName: AppMeshProtocol
  /// Requests served at once (`maxConnections` for http/tcp, `maxRequests` for http2/grpc).
  public var maxActive: Int
  /// Requests that may wait for a free slot (HTTP/1 only).
  public var maxPending: Int

  public init(protocolName: AppMeshProtocol, maxActive: Int, maxPending: Int) {
    self.protocolName = protocolName
    self.maxActive = maxActive
    self.maxPending = maxPending
  }

  /// What happens to a request arriving when `active` are served and `pending` wait.
  public func admit(active: Int, pending: Int) -> Admission {
    if active < maxActive { return .serve }
    if pending < maxPending { return .queue }
    return .overflow
  }

  /// The outcome of `admit`.
  public enum Admission: Sendable, Equatable { case serve, queue, overflow }
}
