import RouteMatching
import ScenarioFormat

/// A listener rule: a priority (1–2000, unique per listener), the HTTP match (method, path and
/// headers, all required) and the action.
public struct LatticeRule: Sendable {
  public var name: String
  public var id: String
  public var arn: String
  public var priority: Int
  public var condition: RequestCondition
  public var action: LatticeRuleAction
  public var source: SourceRef

  public init(
    name: String, id: String, arn: String, priority: Int, condition: RequestCondition,
    action: LatticeRuleAction, source: SourceRef
  ) {
    self.name = name
    self.id = id
    self.arn = arn
    self.priority = priority
    self.condition = condition
    self.action = action
    self.source = source
  }
}
