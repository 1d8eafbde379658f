/// How the request's host (Host header without port) must look for a rule to apply.
///
/// Always case-insensitive (DNS names). `exact` and `suffix` model App Mesh gateway route
/// `hostname.exact` / `hostname.suffix` (a plain string suffix); `wildcard` models the ALB
/// `host-header` condition, where `*` matches zero or more characters and `?` exactly one, so
/// `*.example.com` matches `a.example.com` and `A.EXAMPLE.COM` but not `example.com`.
public enum HostMatch: Sendable, Hashable {
  /// The host equals the name.
  case exact(String)
  /// The host ends with the text.
  case suffix(String)
  /// ALB host-header pattern with `*` and `?`.
  case wildcard(String)

  /// Whether `host` (without port) satisfies this matcher.
  public func matches(_ host: String) -> Bool {
    switch self {
    case .exact(let name):
      return ASCIICaseFolding.equal(host, name, caseSensitive: false)
    case .suffix(let text):
      return ASCIICaseFolding.hasSuffix(host, text, caseSensitive: false)
    case .wildcard(let pattern):
      return WildcardPattern.matches(pattern, host, caseSensitive: false)
    }
  }

  /// A readable description: `host exact 'svc.local'`, `host-header '*.example.com'`.
  public var summary: String {
    switch self {
    case .wildcard: return expectation
    default: return "host " + expectation
    }
  }

  /// The same test expressed on strings (case-insensitive).
  public var stringMatch: StringMatch {
    switch self {
    case .exact(let name): return .exact(name, caseSensitive: false)
    case .suffix(let text): return .suffix(text, caseSensitive: false)
    case .wildcard(let pattern): return .wildcard(pattern, caseSensitive: false)
    }
  }

  /// Whether every host this matcher accepts is also accepted by `other` (conservative).
  public func implies(_ other: HostMatch) -> Bool {
    stringMatch.implies(other.stringMatch)
  }

  /// What the host was expected to be, for `host: expected …, found …` reasons.
  var expectation: String {
    switch self {
    case .exact(let name): return "exact \(name.singleQuoted)"
    case .suffix(let text): return "suffix \(text.singleQuoted)"
    case .wildcard(let pattern): return "host-header \(pattern.singleQuoted)"
    }
  }
}
