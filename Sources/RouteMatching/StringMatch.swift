/// How a header, query-parameter or other string value must look for a condition to hold.
///
/// The closed set of value matchers used by App Mesh routes (`exact`, `prefix`, `suffix`,
/// `regex`, `range`), VPC Lattice rules (`exact`, `prefix`, `contains`, case-insensitive by
/// default) and ALB conditions (`wildcard` with `*` and `?`, case-insensitive). Comparisons are
/// on UTF-8 bytes; `caseSensitive: false` folds ASCII letters only. Matching never allocates.
public enum StringMatch: Sendable, Hashable {
  /// The whole value equals the text.
  case exact(String, caseSensitive: Bool)
  /// The value starts with the text.
  case prefix(String, caseSensitive: Bool)
  /// The value ends with the text.
  case suffix(String, caseSensitive: Bool)
  /// The value contains the text (VPC Lattice `contains`).
  case contains(String, caseSensitive: Bool)
  /// The whole value matches the regular expression (Envoy/RE2 semantics).
  case regex(CompiledRegex)
  /// ALB wildcard: `*` matches zero or more characters, `?` exactly one.
  case wildcard(String, caseSensitive: Bool)
  /// The value is a decimal integer `n` with `start <= n < end` — the end is *exclusive*
  /// (App Mesh `range {start: 1, end: 100}` matches 1…99). Surrounding spaces and a sign are
  /// accepted, as Envoy's integer parsing does; anything else does not match.
  case range(start: Int64, end: Int64)

  /// Whether `value` satisfies this matcher.
  public func matches(_ value: String) -> Bool {
    switch self {
    case .exact(let text, let caseSensitive):
      return ASCIICaseFolding.equal(value, text, caseSensitive: caseSensitive)
    case .prefix(let text, let caseSensitive):
      return ASCIICaseFolding.hasPrefix(value, text, caseSensitive: caseSensitive)
    case .suffix(let text, let caseSensitive):
      return ASCIICaseFolding.hasSuffix(value, text, caseSensitive: caseSensitive)
    case .contains(let text, let caseSensitive):
      return ASCIICaseFolding.contains(value, text, caseSensitive: caseSensitive)
    case .regex(let regex):
      return regex.wholeMatch(value)
    case .wildcard(let pattern, let caseSensitive):
      return WildcardPattern.matches(pattern, value, caseSensitive: caseSensitive)
    case .range(let start, let end):
      guard let number = Self.integer(value) else { return false }
      return start <= number && number < end
    }
  }

  /// A readable description for explanations: `exact 'true'`, `prefix '2' (case-insensitive)`,
  /// `range [1, 100)`.
  public var summary: String {
    switch self {
    case .exact(let text, let caseSensitive):
      return "exact \(text.singleQuoted)\(Self.caseNote(caseSensitive))"
    case .prefix(let text, let caseSensitive):
      return "prefix \(text.singleQuoted)\(Self.caseNote(caseSensitive))"
    case .suffix(let text, let caseSensitive):
      return "suffix \(text.singleQuoted)\(Self.caseNote(caseSensitive))"
    case .contains(let text, let caseSensitive):
      return "contains \(text.singleQuoted)\(Self.caseNote(caseSensitive))"
    case .regex(let regex):
      return "regex \(regex.pattern.singleQuoted)"
    case .wildcard(let pattern, let caseSensitive):
      return "wildcard \(pattern.singleQuoted)\(Self.caseNote(caseSensitive))"
    case .range(let start, let end):
      return "range [\(start), \(end))"
    }
  }

  /// Whether this matcher accepts every string (`prefix ''`, `contains ''`, wildcard `*`).
  public var matchesEverything: Bool {
    switch self {
    case .prefix(let text, _), .suffix(let text, _), .contains(let text, _):
      return text.isEmpty
    case .wildcard(let pattern, _):
      return WildcardPattern.matchesEverything(pattern)
    case .exact, .regex, .range:
      return false
    }
  }

  /// Parses a decimal integer with optional surrounding spaces/tabs and sign, without allocating.
  static func integer(_ value: String) -> Int64? {
    var text = Substring(value)
    while let first = text.utf8.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
    while let last = text.utf8.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
    return Int64(text)
  }

  static func caseNote(_ caseSensitive: Bool) -> String {
    caseSensitive ? "" : " (case-insensitive)"
  }
}

extension String {
  /// The text between single quotes, as explanations print configured and observed values.
  var singleQuoted: String { "'" + self + "'" }
}
