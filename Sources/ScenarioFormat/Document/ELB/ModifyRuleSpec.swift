/// A `ModifyRule` body; absent fields stay as they are.
public struct ModifyRuleSpec: Sendable {
  public var rule: String
  public var conditions: [RuleConditionSpec]?
  public var actions: [ELBActionSpec]?
  public var source: SourceRef
}
