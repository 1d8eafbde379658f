import ScenarioFormat

/// An ELB API call event, resolved and validated by the model builder.
public enum LoadBalancerChange: Sendable {
  /// `ModifyListener`: the listener's protocol, port and default action after the call (its
  /// route table must be rebuilt).
  case modifyListener(
    listener: Int, protocol: ELBProtocol, port: Int, defaultAction: LoadBalancerAction)
  /// `ModifyRule`: the rule (index in its listener's ascending `rules`) as it is after the call
  /// (the listener's route table must be rebuilt).
  case modifyRule(listener: Int, rule: Int, replacement: ListenerRule)
  /// `ModifyTargetGroup`: new health-check settings.
  case modifyTargetGroup(targetGroup: Int, healthCheck: HealthCheckSettings)
  /// `ModifyLoadBalancerAttributes`.
  case modifyLoadBalancerAttributes(loadBalancer: Int, attributes: LoadBalancerAttributes)
  /// `ModifyTargetGroupAttributes`.
  case modifyTargetGroupAttributes(targetGroup: Int, attributes: TargetGroupAttributes)
  /// `RegisterTargets` of IP targets.
  case registerTargets(targetGroup: Int, targets: [IPTarget])
  /// `DeregisterTargets` of IP targets.
  case deregisterTargets(targetGroup: Int, targets: [IPTarget])
}
