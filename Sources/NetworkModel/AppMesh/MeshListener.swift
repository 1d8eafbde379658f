import ScenarioFormat
import SimKernel

/// A listener of a virtual node or virtual gateway with every default applied: the port and
/// protocol, active health checking, outlier detection, the destination-side connection pool,
/// the per-request timeout (15 s unless set; 0 disables) and TLS termination (AWS behaviour §1.5,
/// §1.8, §1.9).
public struct MeshListener: Sendable {
  public var port: Int
  public var protocolName: AppMeshProtocol
  public var healthCheck: HealthCheckPolicy?
  public var outlierDetection: OutlierDetectionPolicy?
  public var connectionPool: ConnectionPoolLimits?
  /// Envoy's route timeout towards the local application; `.zero` = disabled.
  public var perRequestTimeout: SimDuration
  /// Whether `perRequestTimeout` was set explicitly.
  public var hasExplicitTimeout: Bool
  public var tls: ListenerTLS?
  public var source: SourceRef

  /// App Mesh's default per-request timeout (AWS behaviour §1.5, §1.7).
  public static let defaultPerRequestTimeout = SimDuration.seconds(15)
}

/// Active health checking of a listener, done by the Envoys that send to it.
public struct HealthCheckPolicy: Sendable {
  public var protocolName: AppMeshProtocol
  public var path: String?
  public var port: Int?
  public var healthyThreshold: Int
  public var unhealthyThreshold: Int
  public var interval: SimDuration
  public var timeout: SimDuration
}

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
