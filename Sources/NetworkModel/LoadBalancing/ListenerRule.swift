import RouteMatching
import ScenarioFormat

/// One ALB listener rule: a priority, conditions (each an OR of its values, all of them
/// required) and the action taken when it is the first rule to match.
public struct ListenerRule: Sendable {
  public var arn: String
  /// The `Name` tag, when the rule has one.
  public var tagName: String?
  public var priority: Int
  /// One condition per ALB condition, in the order written; all must hold.
  public var conditions: [RequestCondition]
  public var action: LoadBalancerAction
  public var source: SourceRef

  /// The rule's combined condition: every ALB condition must hold.
  public var condition: RequestCondition {
    conditions.count == 1 ? conditions[0] : .allOf(conditions)
  }

  /// `rule priority 5` or `rule priority 5 (api)`, how explanations name the rule.
  public var label: String {
    "rule priority \(priority)" + (tagName.map { " (\($0))" } ?? "")
  }
}
