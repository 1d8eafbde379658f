import NetworkModel

/// When a proxy tries a request again on another pick of its load balancer, as Envoy's retry
/// policy does: up to `maxRetries` more attempts when the answer meets one of the conditions.
///
/// Service Connect's policy is fixed at two retries on connection failure or 503 (maintainer
/// statement, aws-behaviour §2.4, §6 C9); App Mesh routes configure their own.
public struct RetryPolicy: Sendable, Equatable {
  /// One reason to retry (Envoy's `retry_on` values).
  public enum Condition: Sendable, Equatable {
    /// The connection was refused, dropped or timed out before an answer (`connect-failure`).
    case connectFailure
    /// The upstream answered this status (`retriable-status-codes`).
    case status(Int)
    /// Any 5xx (`5xx`).
    case serverError
    /// 502, 503 or 504 (`gateway-error`).
    case gatewayError
  }

  public var maxRetries: Int
  public var conditions: [Condition]

  public init(maxRetries: Int, conditions: [Condition]) {
    self.maxRetries = maxRetries
    self.conditions = conditions
  }

  /// Service Connect: two retries on connection failure or 503 (HTTP), connection failure only
  /// for TCP.
  public static func serviceConnect(http: Bool) -> RetryPolicy {
    RetryPolicy(
      maxRetries: 2, conditions: http ? [.connectFailure, .status(503)] : [.connectFailure])
  }

  /// Whether attempt number `attempt` (0 for the first) may be followed by another after
  /// `response`.
  public func allowsRetry(after response: Response, attempt: Int) -> Bool {
    guard attempt < maxRetries else { return false }
    return conditions.contains { condition in
      switch condition {
      case .connectFailure: return RetryPolicy.isConnectFailure(response)
      case .status(let status): return response.status == status
      case .serverError: return (500...599).contains(response.status)
      case .gatewayError: return (502...504).contains(response.status)
      }
    }
  }

  /// Whether the response is a failure to connect: refused, dropped by a security group or
  /// sent to an address nobody holds (no HTTP answer).
  public static func isConnectFailure(_ response: Response) -> Bool {
    guard response.status == 0 else { return false }
    switch response.disposition {
    case .connectionRefused, .hostUnreachable, .noRouteToHost, .deniedBySecurityGroupIngress,
      .deniedBySecurityGroupEgress:
      return true
    default:
      return false
    }
  }
}
