/// The `elb` section: Elastic Load Balancing (v2) resources in the API request shapes
/// (`CreateLoadBalancer`, `CreateTargetGroup`, `CreateListener`, `CreateRule`,
/// `ModifyLoadBalancerAttributes`, `ModifyTargetGroupAttributes`), PascalCase as ELBv2 spells
/// them.
///
/// Targets are not listed here: ECS services register their tasks through their own
/// `loadBalancers` field, and `registerTargets` events add IP targets at a simulated time.
public struct ELBSection: Sendable {
  public var loadBalancers: [LoadBalancerSpec] = []
  public var targetGroups: [TargetGroupSpec] = []
  public var listeners: [ListenerSpec] = []
  public var rules: [ListenerRuleSpec] = []
  /// `ModifyLoadBalancerAttributes` bodies applied at creation.
  public var loadBalancerAttributes: [ELBAttributesSpec] = []
  /// `ModifyTargetGroupAttributes` bodies applied at creation.
  public var targetGroupAttributes: [ELBAttributesSpec] = []
  public init() {}
}
