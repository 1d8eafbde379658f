/// The explanation of one route-table lookup: each rule evaluated, in order, up to and including
/// the first match, with its outcome (Batfish-style trace of a routing decision).
public struct RouteDecision<Action: Sendable>: Sendable {
  /// Index of the matching rule, or `nil` when none matched (App Mesh 404 `NR`, ALB/Lattice
  /// listener default action are the converters' business).
  public let matchedIndex: Int?
  /// The matching rule's action, or `nil` when none matched.
  public let action: Action?
  /// Every rule evaluated, in table order: the skipped ones with their reasons, then the match.
  public let evaluated: [(name: String, outcome: MatchOutcome)]

  /// Creates a decision.
  public init(
    matchedIndex: Int?, action: Action?, evaluated: [(name: String, outcome: MatchOutcome)]
  ) {
    self.matchedIndex = matchedIndex
    self.action = action
    self.evaluated = evaluated
  }

  /// One line per evaluated rule: `rule priority 5: not matched — host: expected …`, then
  /// `rule priority 10: matched`, or a final `no rule matched`.
  public var lines: [String] {
    var lines = evaluated.map { entry in
      switch entry.outcome {
      case .matched: return "\(entry.name): matched"
      case .notMatched(let reason): return "\(entry.name): not matched — \(reason)"
      }
    }
    if matchedIndex == nil { lines.append("no rule matched") }
    return lines
  }
}
