import ScenarioFormat
import SimKernel

/// The target-group attributes that change routing (`ModifyTargetGroupAttributes` keys), with
/// AWS's defaults.
public struct TargetGroupAttributes: Sendable {
  /// `load_balancing.cross_zone.enabled`.
  public enum CrossZone: String, CaseIterable, Sendable {
    case enabled = "true"
    case disabled = "false"
    case useLoadBalancerConfiguration = "use_load_balancer_configuration"
  }
  /// `load_balancing.algorithm.type` (ALB).
  public enum Algorithm: String, CaseIterable, Sendable {
    case roundRobin = "round_robin"
    case leastOutstandingRequests = "least_outstanding_requests"
    case weightedRandom = "weighted_random"
  }
  /// `deregistration_delay.timeout_seconds`: how long a deregistered target keeps its in-flight
  /// requests (default 300 s).
  public var deregistrationDelay: SimDuration = .seconds(300)
  public var crossZone: CrossZone = .useLoadBalancerConfiguration
  /// `preserve_client_ip.enabled` (NLB): off by default for `ip` targets over TCP/TLS, on
  /// otherwise. With it on, targets see the client's address instead of the node's.
  public var preserveClientIP: Bool
  public var algorithm: Algorithm = .roundRobin
  /// `target_group_health.unhealthy_state_routing.minimum_healthy_targets.count`: with fewer
  /// healthy targets the group fails open and routes to all of them (default 1).
  public var minimumHealthyTargets = 1
  /// `stickiness.enabled`.
  public var stickinessEnabled = false

  /// AWS's defaults for a group of this protocol and target type.
  public init(protocol: ELBProtocol, targetType: TargetGroupSpec.TargetType) {
    preserveClientIP = !(targetType == .ip && (`protocol` == .tcp || `protocol` == .tls))
  }
}
