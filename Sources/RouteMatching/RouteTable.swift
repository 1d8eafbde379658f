/// An ordered list of rules where the first rule whose condition matches decides.
///
/// The shared runtime of ALB listener rules, App Mesh routes and gateway routes, Service Connect
/// and VPC Lattice listener rules (Envoy `VirtualHostImpl::getRouteFromRoutes`). Each service's
/// converter orders the rules by its own precedence (ALB and Lattice ascending priority; App Mesh
/// priority 0 first, unprioritised routes last, longest match first) — at runtime the only rule
/// is first match in order. A table does not pick among weighted targets; the matched action
/// does, with `WeightedChoice` and a random value passed in.
public struct RouteTable<Action: Sendable>: Sendable {
  /// The rules in evaluation order.
  public var rules: [RouteRule<Action>] {
    didSet { compiled = CompiledConditions(rules.lazy.map(\.condition)) }
  }
  /// The rules' conditions prepared for `firstMatch` and `firstMatchIndex`.
  @usableFromInline private(set) var compiled: CompiledConditions

  /// Creates a table that evaluates `rules` in the given order.
  public init(rules: [RouteRule<Action>]) {
    self.rules = rules
    compiled = CompiledConditions(rules.lazy.map(\.condition))
  }

  /// The first rule whose condition the request satisfies, with its index; `nil` when none does.
  ///
  /// - Complexity: O(rules × condition size); does not allocate for single-valued headers. Path
  ///   rules are tested on bytes prepared with the table (`CompiledConditions`).
  ///   Inlinable so that callers get it specialised for their action type.
  @inlinable
  public func firstMatch(_ request: RequestHead) -> (index: Int, rule: RouteRule<Action>)? {
    guard let index = compiled.firstMatch(request) else { return nil }
    return (index, rules[index])
  }

  /// The index of the first rule whose condition the request satisfies (`firstMatch` without
  /// copying the rule out).
  @inlinable
  public func firstMatchIndex(_ request: RequestHead) -> Int? {
    compiled.firstMatch(request)
  }

  /// Whether which rule matches may depend on the request's peer address; otherwise it depends
  /// on the head's parts (method, scheme, host, path, query, headers) and port alone, so that
  /// heads sharing their parts (`RequestHead.sharesParts(with:)`) on one port match alike.
  public var readsPeerAddress: Bool { compiled.readsPeerAddress }

  /// Evaluates rules in order like `firstMatch`, recording every outcome up to and including
  /// the first match, with the reason each skipped rule failed.
  public func explain(_ request: RequestHead) -> RouteDecision<Action> {
    var evaluated: [(name: String, outcome: MatchOutcome)] = []
    for (index, rule) in rules.enumerated() {
      let outcome = rule.condition.evaluate(request)
      evaluated.append((name: rule.name, outcome: outcome))
      if outcome.isMatch {
        return RouteDecision(matchedIndex: index, action: rule.action, evaluated: evaluated)
      }
    }
    return RouteDecision(matchedIndex: nil, action: nil, evaluated: evaluated)
  }

  /// Rules that can never be the first match because an earlier rule matches every request they
  /// match, each paired with the earliest such rule, in table order.
  ///
  /// Conservative (no false positives): uses `RequestCondition.implies`, so a catch-all
  /// `prefix '/'` shadows a later `prefix '/api'`, `prefix '/'` shadows `exact '/a'`, but
  /// `'/api'` never shadows `'/'`. Rules it cannot prove shadowed are not reported.
  ///
  /// - Complexity: O(rules²) implication checks; meant for build time, not per request.
  public func shadowedRules() -> [(shadowed: Int, by: Int)] {
    var result: [(shadowed: Int, by: Int)] = []
    for later in rules.indices {
      for earlier in 0..<later
      where rules[later].condition.implies(rules[earlier].condition) {
        result.append((shadowed: later, by: earlier))
        break
      }
    }
    return result
  }
}
