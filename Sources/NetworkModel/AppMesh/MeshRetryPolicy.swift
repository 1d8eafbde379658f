import SimKernel

/// When and how often an Envoy retries a request (AWS behaviour §1.7, §1.10): configured on App
/// Mesh routes, fixed for Service Connect's proxy (§6 C9).
///
/// `httpRetryEvents`: `server-error` = 500–508, 510, 511; `gateway-error` = 502, 503, 504;
/// `client-error` = 409; both error classes also retry "reset" (no response: connection failure,
/// disconnect, per-try timeout). `tcpRetryEvents: [connection-error]` retries connection
/// failures. App Mesh's hidden default (accounts without meshes before 29 July 2020, switchable
/// with `simulation.appMeshDefaultRetries`) is 2 retries on 503 and on reset. Backoff between
/// attempts is Envoy's default: fully jittered, 25 ms base, capped at 250 ms.
public struct MeshRetryPolicy: Sendable, Equatable {
  public var maxRetries: Int
  /// Timeout of each attempt, the first included; nil = only the request timeout applies.
  public var perRetryTimeout: SimDuration?
  /// Upstream statuses that trigger a retry.
  public var retryStatuses: [Int]
  /// Retry when no response came back (reset, disconnect, per-try timeout).
  public var retryOnReset: Bool
  /// Retry when the connection could not be made (including failed TLS handshakes).
  public var retryOnConnectFailure: Bool
  /// Whether this is App Mesh's hidden default rather than a configured policy.
  public var isDefault: Bool

  public init(
    maxRetries: Int, perRetryTimeout: SimDuration?, retryStatuses: [Int], retryOnReset: Bool,
    retryOnConnectFailure: Bool, isDefault: Bool
  ) {
    self.maxRetries = maxRetries
    self.perRetryTimeout = perRetryTimeout
    self.retryStatuses = retryStatuses
    self.retryOnReset = retryOnReset
    self.retryOnConnectFailure = retryOnConnectFailure
    self.isDefault = isDefault
  }

  /// The hidden default: 2 retries on 503, reset and connect failure.
  public static let appMeshDefault = MeshRetryPolicy(
    maxRetries: 2, perRetryTimeout: nil, retryStatuses: [503], retryOnReset: true,
    retryOnConnectFailure: true,
    isDefault: true)

  /// Statuses of the `server-error` event.
  public static let serverErrorStatuses = [500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511]

  /// Builds a policy from configured event names (already validated).
  public static func configured(
    maxRetries: Int, perRetryTimeout: SimDuration?, httpEvents: [String],
    tcpEvents: [String], grpcEvents: [String]
  ) -> MeshRetryPolicy {
    var statuses: Set<Int> = []
    var reset = false
    for event in httpEvents {
      switch event {
      case "server-error":
        statuses.formUnion(serverErrorStatuses)
        reset = true
      case "gateway-error":
        statuses.formUnion([502, 503, 504])
        reset = true
      case "client-error": statuses.insert(409)
      default: break
      }
    }
    // gRPC status codes travel as HTTP statuses in the simulator: unavailable ≈ 503,
    // deadline-exceeded ≈ 504, resource-exhausted ≈ 429, internal ≈ 500.
    for event in grpcEvents {
      switch event {
      case "unavailable": statuses.insert(503)
      case "deadline-exceeded": statuses.insert(504)
      case "resource-exhausted": statuses.insert(429)
      case "internal": statuses.insert(500)
      default: break
      }
    }
    let connect = reset || tcpEvents.contains("connection-error")
    return MeshRetryPolicy(
      maxRetries: maxRetries, perRetryTimeout: perRetryTimeout, retryStatuses: statuses.sorted(),
      retryOnReset: reset, retryOnConnectFailure: connect, isDefault: false)
  }

  /// Whether attempt number `attempt` (1 = the first try) may be followed by another one.
  public func allowsRetry(after attempt: Int) -> Bool { attempt <= maxRetries }

  /// Whether an attempt that ended with `status` (0 = no HTTP response) is retried.
  /// `connectFailure` tells a failed connection (refused, TLS) from a lost response.
  public func retries(status: Int, connectFailure: Bool) -> Bool {
    if status > 0 { return retryStatuses.contains(status) }
    return connectFailure ? retryOnConnectFailure : retryOnReset
  }

  /// Envoy's fully jittered exponential backoff before retry `retry` (1-based):
  /// uniform in [0, min(25 ms × (2^retry − 1), 250 ms)), drawn from `randomValue`.
  public static func backoff(retry: Int, randomValue: UInt64) -> SimDuration {
    let base: Int64 = 25_000_000
    let exponent = min(max(retry, 1), 20)
    let ceiling = min(base * ((Int64(1) << Int64(exponent)) - 1), 10 * base)
    return SimDuration(nanoseconds: Int64(randomValue % UInt64(ceiling)))
  }
}
