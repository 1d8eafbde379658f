/// A listener rule as `CreateRule` takes it: listener, priority, conditions and actions.
///
/// Rules are referred to (by `modifyRule` events) through their `RuleArn`, a `Name` tag, or as
/// `<load balancer name>:<port>:<priority>`.
public struct ListenerRuleSpec: Sendable {
  public var arn: String?
  public var listener: String
  public var priority: Int
  public var conditions: [RuleConditionSpec]
  public var actions: [ELBActionSpec]
  public var tags: [Tag]
  public var source: SourceRef
}
