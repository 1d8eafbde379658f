import ScenarioFormat

/// One condition test: `"StringEquals": {"aws:PrincipalAccount": ["111111111111"]}`.
///
/// Several values are alternatives (OR). A key absent from the request makes a positive
/// operator false and a negated one (`StringNotEquals`, `ArnNotLike`, …) true; `…IfExists`
/// makes an absent key true; `Null` tests absence itself (IAM condition operators).
public struct LatticePolicyCondition: Sendable {
  /// The IAM condition operators Lattice auth policies support, by their policy names.
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
