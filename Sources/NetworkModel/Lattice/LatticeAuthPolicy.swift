import ScenarioFormat

/// A VPC Lattice auth policy: an IAM resource policy attached to a service network or service.
///
/// It is active only while the resource's auth type is `AWS_IAM`; evaluation follows IAM: an
/// explicit `Deny` wins, otherwise some `Allow` must match, otherwise the request is implicitly
/// denied (VPC Lattice user guide, "Auth policies"; aws-behaviour §3.7).
public struct LatticeAuthPolicy: Sendable {
  public var statements: [LatticePolicyStatement]
  public var source: SourceRef

  public init(statements: [LatticePolicyStatement], source: SourceRef) {
    self.statements = statements
    self.source = source
  }
}

/// One policy statement: effect, principals, actions, resources and conditions.
public struct LatticePolicyStatement: Sendable {
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

/// One condition test: `"StringEquals": {"aws:PrincipalAccount": ["111111111111"]}`.
///
/// Several values are alternatives (OR). A key absent from the request makes a positive
/// operator false and a negated one (`StringNotEquals`, `ArnNotLike`, …) true; `…IfExists`
/// makes an absent key true; `Null` tests absence itself (IAM condition operators).
public struct LatticePolicyCondition: Sendable {
  public enum Operator: String, CaseIterable, Sendable {
    case stringEquals = "StringEquals"
    case stringNotEquals = "StringNotEquals"
    case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
    case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
    case stringLike = "StringLike"
    case stringNotLike = "StringNotLike"
    case arnEquals = "ArnEquals"
    case arnNotEquals = "ArnNotEquals"
    case arnLike = "ArnLike"
    case arnNotLike = "ArnNotLike"
    case numericEquals = "NumericEquals"
    case numericNotEquals = "NumericNotEquals"
    case numericLessThan = "NumericLessThan"
    case numericLessThanEquals = "NumericLessThanEquals"
    case numericGreaterThan = "NumericGreaterThan"
    case numericGreaterThanEquals = "NumericGreaterThanEquals"
    case bool = "Bool"
    case null = "Null"

    /// Whether the operator holds when the value matches none of the listed ones.
    public var isNegated: Bool {
      switch self {
      case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .arnNotEquals, .arnNotLike,
        .numericNotEquals:
        return true
      default:
        return false
      }
    }
  }
  public var conditionOperator: Operator
  /// `…IfExists`: an absent key satisfies the condition.
  public var ifExists: Bool
  public var key: LatticeConditionKey
  public var values: [String]
  public var source: SourceRef

  public init(
    conditionOperator: Operator, ifExists: Bool = false, key: LatticeConditionKey, values: [String],
    source: SourceRef
  ) {
    self.conditionOperator = conditionOperator
    self.ifExists = ifExists
    self.key = key
    self.values = values
    self.source = source
  }

  /// `StringEquals aws:PrincipalAccount`.
  public var label: String {
    "\(conditionOperator.rawValue)\(ifExists ? "IfExists" : "") \(key.name)"
  }
}
