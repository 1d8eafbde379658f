import RouteMatching
import ScenarioFormat

/// A listener on a Lattice service: a protocol and port, rules in ascending priority and the
/// default action used when no rule matches (VPC Lattice user guide, "Listener rules").
///
/// A `TLS_PASSTHROUGH` listener has no rules: Lattice does not decrypt, so it routes by SNI to
/// the default action's TCP target groups and cuts connections at 10 minutes.
public struct LatticeListener: Sendable {
  /// The listener protocols VPC Lattice offers.
  public enum ListenerProtocol: String, CaseIterable, Sendable {
    case http = "HTTP"
    case https = "HTTPS"
    case tlsPassthrough = "TLS_PASSTHROUGH"
  }
  public var name: String
  public var id: String
  public var arn: String
  public var service: Int
  public var listenerProtocol: ListenerProtocol
  public var port: Int
  public var defaultAction: LatticeRuleAction
  /// Rules sorted by ascending priority.
  public var rules: [LatticeRule]
  public var source: SourceRef
}

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

/// What a rule or default action does: forward to weighted target groups, or answer itself
/// (only 404 and 500 are accepted).
public enum LatticeRuleAction: Sendable {
  /// Forward to target groups picked per request in proportion to their weights (0–999).
  case forward([LatticeWeightedTargetGroup])
  /// Answer with this status code.
  case fixedResponse(status: Int)
}

/// One weighted entry of a forward action.
public struct LatticeWeightedTargetGroup: Sendable, Equatable {
  public var targetGroup: Int
  public var weight: Int

  public init(targetGroup: Int, weight: Int) {
    self.targetGroup = targetGroup
    self.weight = weight
  }
}
