/// What a rule or default action does: forward to weighted target groups, or answer itself
/// (only 404 and 500 are accepted).
public enum LatticeRuleAction: Sendable {
  /// Forward to target groups picked per request in proportion to their weights (0–999).
  case forward([LatticeWeightedTargetGroup])
  /// Answer with this status code.
  case fixedResponse(status: Int)
}
