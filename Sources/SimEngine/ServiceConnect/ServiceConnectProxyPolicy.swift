import NetworkModel
import SimKernel

/// The Envoy settings of Service Connect's proxy that ECS does not let users configure: a fixed
/// retry policy and outlier detection with Envoy's defaults (aws-behaviour §2.4, §6 C8, C9).
/// They use the same policy types as App Mesh's Envoys, which configure them per route and
/// listener.
enum ServiceConnectProxyPolicy {
  /// Two retries on connection failure or 503 (HTTP), on connection failure only (TCP): the
  /// maintainer statement of §6 C9.
  static func retries(http: Bool) -> MeshRetryPolicy {
    MeshRetryPolicy(
      maxRetries: 2, perRetryTimeout: nil, retryStatuses: http ? [503] : [], retryOnReset: false,
      retryOnConnectFailure: true, isDefault: false)
  }

  /// Envoy's defaults (§6 C8): 5 consecutive errors eject a host for 30 s while fewer than 10 %
  /// of the hosts are ejected (one always may be). Every ejection lasts 30 s and ends on time
  /// (simplification: Envoy lengthens repeated ejections and returns hosts at its 10 s
  /// detection interval).
  static let outlierDetection = OutlierDetectionPolicy(
    maxServerErrors: 5, interval: .zero, baseEjectionDuration: .seconds(30),
    maxEjectionPercent: 10, lengthensRepeatedEjections: false)

  /// Whether attempt number `attempt` (0 for the first) is retried after `response`.
  static func retries(after response: Response, attempt: Int, http: Bool) -> Bool {
    let policy = retries(http: http)
    return policy.allowsRetry(after: attempt + 1)
      && policy.retries(status: response.status, connectFailure: isConnectFailure(response))
  }

  /// Whether the response is a failure to connect: refused, dropped by a security group or
  /// sent to an address nobody holds (no HTTP answer).
  static func isConnectFailure(_ response: Response) -> Bool {
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
