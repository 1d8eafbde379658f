import RouteMatching
import ScenarioFormat

/// Converts VPC Lattice listener rules into the shared route-matching engine.
///
/// Lattice semantics (VPC Lattice user guide, "Listener rules"; CloudFormation `HeaderMatch`,
/// `PathMatch`): every condition of a rule must hold; the method is compared exactly and
/// case-sensitively (`get` is not `GET`); a path matches `exact`ly or by `prefix`, case-insensitively
/// unless `caseSensitive` is true; a header matches `exact`, `prefix` or `contains`, its name
/// always case-insensitively and its value case-insensitively unless `caseSensitive` is true.
/// Rules are evaluated in ascending priority; the listener's default action comes last.
public enum LatticeRuleConverter {
  /// The condition of one `httpMatch`.
  public static func condition(_ match: LatticeHTTPMatchSpec) -> RequestCondition {
    var parts: [RequestCondition] = []
    if let method = match.method { parts.append(.method([method])) }
    if let path = match.pathMatch {
      let caseSensitive = path.caseSensitive ?? false
      switch path.kind {
      case .exact: parts.append(.path(.exact(path.value, caseSensitive: caseSensitive)))
      case .prefix, .contains:
        parts.append(.path(.prefix(path.value, caseSensitive: caseSensitive)))
      }
    }
    for header in match.headerMatches {
      let caseSensitive = header.caseSensitive ?? false
      let value: StringMatch
      switch header.kind {
      case .exact: value = .exact(header.value, caseSensitive: caseSensitive)
      case .prefix: value = .prefix(header.value, caseSensitive: caseSensitive)
      case .contains: value = .contains(header.value, caseSensitive: caseSensitive)
      }
      parts.append(.header(name: header.name, match: value, invert: false))
    }
    return parts.count == 1 ? parts[0] : .allOf(parts)
  }

  /// How explanations name a rule: `rule 'api' (priority 1)`.
  public static func ruleName(_ rule: LatticeRule) -> String {
    "rule '\(rule.name)' (priority \(rule.priority))"
  }
}
