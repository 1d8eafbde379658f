/// The result of evaluating a condition against a request, with the reason when it failed.
///
/// The reason is what `explain` prints for a skipped rule (Batfish-style explanations): it names
/// the request part, what was expected and what was found, e.g.
/// `header 'x-canary': expected exact 'true', found none`.
public enum MatchOutcome: Sendable, Equatable {
  /// The condition holds for the request.
  case matched
  /// The condition does not hold; `reason` says which part failed and why.
  case notMatched(reason: String)

  /// Whether the condition held.
  public var isMatch: Bool {
    if case .matched = self { return true }
    return false
  }

  /// The failure reason, or `nil` when matched.
  public var reason: String? {
    if case .notMatched(let reason) = self { return reason }
    return nil
  }
}
