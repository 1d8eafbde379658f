/// An Elastic Load Balancing API call written as a timed event, in its request shape.
///
/// Each body keeps its `source`, so the model builder's resolution of the call can be found
/// again when the event fires.
public enum ELBCallSpec: Sendable {
  /// `ModifyListener`: new port, protocol, certificates or default actions.
  case modifyListener(ModifyListenerSpec)
  /// `ModifyRule`: new conditions and/or actions (for example new forward weights).
  case modifyRule(ModifyRuleSpec)
  /// `ModifyTargetGroup`: new health-check settings.
  case modifyTargetGroup(ModifyTargetGroupSpec)
  /// `ModifyLoadBalancerAttributes`.
  case modifyLoadBalancerAttributes(ELBAttributesSpec)
  /// `ModifyTargetGroupAttributes`.
  case modifyTargetGroupAttributes(ELBAttributesSpec)
  /// `RegisterTargets`: IP targets added to a target group.
  case registerTargets(TargetRegistrationSpec)
  /// `DeregisterTargets`: IP targets removed (after the deregistration delay).
  case deregisterTargets(TargetRegistrationSpec)

  /// Where the call's body was written.
  public var source: SourceRef {
    switch self {
    case .modifyListener(let spec): spec.source
    case .modifyRule(let spec): spec.source
    case .modifyTargetGroup(let spec): spec.source
    case .modifyLoadBalancerAttributes(let spec), .modifyTargetGroupAttributes(let spec):
      spec.source
    case .registerTargets(let spec), .deregisterTargets(let spec): spec.source
    }
  }
}
