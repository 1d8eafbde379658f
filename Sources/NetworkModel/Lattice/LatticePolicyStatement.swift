import ScenarioFormat

/// One policy statement: effect, principals, actions, resources and conditions.
public struct LatticePolicyStatement: Sendable {
  /// `Effect`: a matching `Deny` wins over every `Allow`.
  public enum Effect: String, CaseIterable, Sendable {
    case allow = "Allow"
    case deny = "Deny"
  }
  /// Who the statement is about.
  public enum Principals: Sendable, Equatable {
    /// `"*"` or `{"AWS": "*"}`: everyone, including anonymous (unsigned) callers.
    case anyone
    /// Account ids, account root ARNs, role, user or assumed-role session ARNs.
    case listed([String])
  }
  /// Position in the policy (0-based).
  public var index: Int
  public var sid: String?
  public var effect: Effect
  public var principals: Principals
  /// Action patterns (`vpc-lattice-svcs:Invoke`, `vpc-lattice-svcs:*`, `*`), case-insensitive.
  public var actions: [String]
  /// `NotAction`: the statement applies to every action except these.
  public var actionsNegated: Bool
  /// Resource ARN patterns with `*` and `?`.
  public var resources: [String]
  /// `NotResource`.
  public var resourcesNegated: Bool
  /// Every condition must hold.
  public var conditions: [LatticePolicyCondition]
  public var source: SourceRef

  public init(
    index: Int, sid: String?, effect: Effect, principals: Principals, actions: [String],
    actionsNegated: Bool = false, resources: [String], resourcesNegated: Bool = false,
    conditions: [LatticePolicyCondition] = [], source: SourceRef
  ) {
    self.index = index
    self.sid = sid
    self.effect = effect
    self.principals = principals
    self.actions = actions
    self.actionsNegated = actionsNegated
    self.resources = resources
    self.resourcesNegated = resourcesNegated
    self.conditions = conditions
    self.source = source
  }

  /// How explanations name the statement: `statement #1 (Sid 'AllowAccount')`.
  public var label: String {
    "statement #\(index + 1)" + (sid.map { " (Sid '\($0)')" } ?? "")
  }
}
