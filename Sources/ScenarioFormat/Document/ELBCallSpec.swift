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

/// A `ModifyListener` body; absent fields stay as they are.
public struct ModifyListenerSpec: Sendable {
  public var listener: String
  public var `protocol`: ELBProtocol?
  public var port: Int?
  public var certificates: [String]?
  public var defaultActions: [ELBActionSpec]?
  public var source: SourceRef
}

/// A `ModifyRule` body; absent fields stay as they are.
public struct ModifyRuleSpec: Sendable {
  public var rule: String
  public var conditions: [RuleConditionSpec]?
  public var actions: [ELBActionSpec]?
  public var source: SourceRef
}

/// A `ModifyTargetGroup` body: the target group and the health-check fields to change.
public struct ModifyTargetGroupSpec: Sendable {
  public var targetGroup: String
  public var healthCheck: HealthCheckSpec
  public var source: SourceRef
}

/// A `RegisterTargets` / `DeregisterTargets` body.
public struct TargetRegistrationSpec: Sendable {
  /// One `TargetDescription`: an IP address (`ip` target groups), its port and zone.
  public struct Target: Sendable {
    public var id: String
    public var port: Int?
    public var availabilityZone: String?
    public var source: SourceRef
  }
  public var targetGroup: String
  public var targets: [Target]
  public var source: SourceRef
}
