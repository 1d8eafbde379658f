/// How a request path (without query) must look for a route to apply.
///
/// Covers App Mesh `prefix` / `path.exact` / `path.regex` (case-sensitive, plain string prefix:
/// `/api` also matches `/apix`, as Envoy's prefix match does), VPC Lattice `exact` / `prefix`
/// with `caseSensitive` (unset means insensitive), and ALB `path-pattern` wildcards
/// (case-sensitive, `*` and `?`). Matching never allocates.
public enum PathMatch: Sendable, Hashable {
  /// The whole path equals the text.
  case exact(String, caseSensitive: Bool)
  /// The path starts with the text; `/` matches every path.
  case prefix(String, caseSensitive: Bool)
  /// The whole path matches the regular expression.
  case regex(CompiledRegex)
  /// ALB path pattern: `*` matches zero or more characters, `?` exactly one.
  case wildcard(String, caseSensitive: Bool)

  /// Whether `path` satisfies this matcher.
  public func matches(_ path: String) -> Bool {
    switch self {
    case .exact(let text, let caseSensitive):
      return ASCIICaseFolding.equal(path, text, caseSensitive: caseSensitive)
    case .prefix(let text, let caseSensitive):
      return ASCIICaseFolding.hasPrefix(path, text, caseSensitive: caseSensitive)
    case .regex(let regex):
      return regex.wholeMatch(path)
    case .wildcard(let pattern, let caseSensitive):
      return WildcardPattern.matches(pattern, path, caseSensitive: caseSensitive)
    }
  }

  /// A readable description: `path prefix '/api'`, `path-pattern '/img/*'`.
  public var summary: String {
    switch self {
    case .wildcard: return expectation
    default: return "path " + expectation
    }
  }

  /// The length of the literal part: the text of `exact`/`prefix`, the non-wildcard characters
  /// of a wildcard, 0 for a regex. Converters sort unprioritised App Mesh routes and gateway
  /// routes by it, longest first (`/chapter` before `/`).
  public var specificity: Int {
    switch self {
    case .exact(let text, _), .prefix(let text, _):
      return text.count
    case .wildcard(let pattern, _):
      return WildcardPattern.literalCount(pattern)
    case .regex:
      return 0
    }
  }

  /// The same test expressed on strings, which shares implication rules with headers.
  public var stringMatch: StringMatch {
    switch self {
    case .exact(let text, let caseSensitive): return .exact(text, caseSensitive: caseSensitive)
    case .prefix(let text, let caseSensitive): return .prefix(text, caseSensitive: caseSensitive)
    case .regex(let regex): return .regex(regex)
    case .wildcard(let pattern, let caseSensitive):
      return .wildcard(pattern, caseSensitive: caseSensitive)
    }
  }

  /// Whether every path this matcher accepts is also accepted by `other` (conservative).
  public func implies(_ other: PathMatch) -> Bool {
    stringMatch.implies(other.stringMatch)
  }

  /// What the path was expected to be, for `path: expected …, found …` reasons.
  var expectation: String {
    switch self {
    case .wildcard(let pattern, let caseSensitive):
      return "path-pattern \(pattern.singleQuoted)\(StringMatch.caseNote(caseSensitive))"
    default:
      return stringMatch.summary
    }
  }
}
