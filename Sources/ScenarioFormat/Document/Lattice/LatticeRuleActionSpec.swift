/// A rule or default action: `{"forward": {"targetGroups": [...]}}` or
/// `{"fixedResponse": {"statusCode": 404}}`.
public enum LatticeRuleActionSpec: Sendable {
  case forward([LatticeWeightedTargetGroupSpec], source: SourceRef)
  case fixedResponse(statusCode: Int, source: SourceRef)
}
