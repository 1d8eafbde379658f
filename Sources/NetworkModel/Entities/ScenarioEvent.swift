import ScenarioFormat
import SimKernel

/// A timed event with every name resolved: an ECS or EC2 change applied by the engine core, or
/// a service section's API call applied by that section at `at`.
public struct ScenarioEvent: Sendable {
  /// What the event changes.
  public enum Action: Sendable {
    case scaleService(service: Int, desiredCount: Int)
    case redeployService(service: Int)
    case stopTask(service: Int, ordinal: Int)
    case setHealthCheckFailure(service: Int, ordinal: Int, failing: Bool)
    case changeSecurityGroup(group: Int, ingress: Bool, authorize: Bool, rules: [SecurityGroupRule])
    /// A service-section call; its section's engine part applies it.
    case serviceCall(ServiceCallSpec)
  }
  public var at: SimDuration
  public var action: Action
  public var summary: String
  public var source: SourceRef
}
