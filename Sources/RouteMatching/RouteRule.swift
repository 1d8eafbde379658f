/// One entry of a route table: a named condition and the action taken when it is the first
/// condition to match.
///
/// `name` identifies the configured rule in explanations ("rule priority 5",
/// "route api-v2 (priority 10)", "default action"). `Action` is chosen by each service's
/// converter (forward to weighted targets, fixed response, redirect, …).
public struct RouteRule<Action: Sendable>: Sendable {
  /// How the rule is named in explanations.
  public let name: String
  /// The condition a request must satisfy.
  public let condition: RequestCondition
  /// What happens to a request this rule matches first.
  public let action: Action

  /// Creates a rule.
  public init(name: String, condition: RequestCondition, action: Action) {
    self.name = name
    self.condition = condition
    self.action = action
  }
}
