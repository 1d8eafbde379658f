import NetworkModel

/// What came back for an exchange: the status the caller saw, why, and who answered.
public struct Response: Sendable, Equatable {
  /// HTTP status; 0 when there was no HTTP answer (timeout, reset, DNS failure).
  public var status: Int
  public var disposition: Disposition
  /// The task that produced the answer (-1: none, e.g. a proxy's local reply).
  public var originTask: Int32
  /// The ECS service (>= 0) or external endpoint (encoded as -2 - index) that answered; -1 none.
  public var originService: Int32
  /// Interned response body (-1: none).
  public var body: Int32

  public init(status: Int, disposition: Disposition, originTask: Int32 = -1, originService: Int32 = -1, body: Int32 = -1) {
    self.status = status
    self.disposition = disposition
    self.originTask = originTask
    self.originService = originService
    self.body = body
  }

  /// A failure with no HTTP answer.
  public static func failure(_ disposition: Disposition) -> Response { Response(status: 0, disposition: disposition) }

  /// A local reply from a proxy or load balancer (no service answered).
  public static func localReply(_ status: Int, _ disposition: Disposition) -> Response {
    Response(status: status, disposition: disposition)
  }

  public static func externalService(_ index: Int) -> Int32 { Int32(-2 - index) }
}
