import NetworkModel
import SimKernel

/// One registered target of a target group and its health as the load balancer sees it.
///
/// Health follows the Elastic Load Balancing rules (aws-behaviour §5.2): a new target is
/// `initial` until it passes one check; a healthy target becomes `unhealthy` after
/// `UnhealthyThresholdCount` consecutive failed checks and an unhealthy one `healthy` again
/// after `HealthyThresholdCount` consecutive passes. A deregistered target is `draining` (no new
/// requests) until the deregistration delay ends, then it is removed.
public struct LoadBalancerTarget: Sendable {
  /// `TargetHealth.State` of `DescribeTargetHealth`.
  public enum State: String, Sendable {
    case initial, healthy, unhealthy, draining

    /// The state the health checks alone give.
    init(_ health: HealthCheckStreak.State) {
      switch health {
      case .initial: self = .initial
      case .healthy: self = .healthy
      case .unhealthy: self = .unhealthy
      }
    }
  }
  public var targetGroup: Int
  public var address: UInt32
  public var port: Int
  /// The target's Availability Zone; nil for an address outside the VPC (zone `all`).
  public var zone: String?
  /// `zone` numbered by the plane (``LoadBalancingPlane/zoneNumber(of:)``), -1 for zone `all`:
  /// target selection compares these, not the names.
  public var zoneNumber: Int32 = -1
  /// The ECS task (index in `World.tasks`), or -1 for an IP target registered by an API call.
  public var task: Int32
  /// `checks.state`, or `draining` once deregistered.
  public var state: State
  /// The consecutive health-check results that move `state`.
  public var checks = HealthCheckStreak()
  /// Requests forwarded and not yet answered (for `least_outstanding_requests`).
  public var outstanding = 0
  /// Bumped on deregistration, so pending health-check timers are ignored.
  public var generation = 0
  public var removed = false
  /// Why the last check failed (`Target.Timeout: …`), for the timeline and `explain`.
  public var lastFailure: String?
  /// Why the check in flight failed, applied when its result lands.
  public var pendingFailure: String?
  /// `10.0.10.4:80 (backend/1)`.
  public var label: String

  /// Whether new requests may go to the target (registered and not draining).
  public var isRoutable: Bool { !removed && state != .draining }
}
