extension StringMatch {
  /// Whether every value this matcher accepts is also accepted by `other`.
  ///
  /// Conservative: `true` only when it can be proved from the literal texts (equal matchers,
  /// `exact '/a/b'` ⇒ `prefix '/a'`, `prefix '/api'` ⇒ `wildcard '/*'`, nested ranges, …);
  /// `false` means "not proved", never "proved wrong". A case-sensitive matcher can imply a
  /// case-insensitive one, never the reverse. Regular expressions imply only themselves.
  public func implies(_ other: StringMatch) -> Bool {
    if self == other || other.matchesEverything { return true }
    switch other {
    case .exact(let text, let caseSensitive):
      guard let literal = exactLiteral, Self.compatible(literal.caseSensitive, caseSensitive)
      else { return false }
      return ASCIICaseFolding.equal(literal.text, text, caseSensitive: caseSensitive)
    case .prefix(let text, let caseSensitive):
      return guaranteedPrefix(startsWith: text, caseSensitive: caseSensitive)
    case .suffix(let text, let caseSensitive):
      guard let suffix = guaranteedSuffix, Self.compatible(suffix.caseSensitive, caseSensitive)
      else { return false }
      return ASCIICaseFolding.hasSuffix(suffix.text, text, caseSensitive: caseSensitive)
    case .contains(let text, let caseSensitive):
      return guaranteedInfixes.contains { infix in
        Self.compatible(infix.caseSensitive, caseSensitive)
          && ASCIICaseFolding.contains(infix.text, text, caseSensitive: caseSensitive)
      }
    case .wildcard(let pattern, let caseSensitive):
      return impliesWildcard(pattern, caseSensitive: caseSensitive)
    case .range(let start, let end):
      guard case .range(let ownStart, let ownEnd) = self else { return false }
      return ownStart >= ownEnd || (start <= ownStart && ownEnd <= end)
    case .regex:
      return false
    }
  }

  private func impliesWildcard(_ pattern: String, caseSensitive: Bool) -> Bool {
    if let literal = exactLiteral {
      return Self.compatible(literal.caseSensitive, caseSensitive)
        && WildcardPattern.matches(pattern, literal.text, caseSensitive: caseSensitive)
    }
    if case .wildcard(let own, let ownCaseSensitive) = self,
      Self.compatible(ownCaseSensitive, caseSensitive),
      ASCIICaseFolding.equal(own, pattern, caseSensitive: caseSensitive)
    {
      return true
    }
    guard WildcardPattern.isPrefixPattern(pattern) else { return false }
    let literal = String(WildcardPattern.literalPrefix(pattern))
    return guaranteedPrefix(startsWith: literal, caseSensitive: caseSensitive)
  }

  private func guaranteedPrefix(startsWith text: String, caseSensitive: Bool) -> Bool {
    guard let prefix = guaranteedPrefix, Self.compatible(prefix.caseSensitive, caseSensitive)
    else { return false }
    return ASCIICaseFolding.hasPrefix(prefix.text, text, caseSensitive: caseSensitive)
  }

  /// The single value accepted, when there is exactly one up to case.
  private var exactLiteral: (text: String, caseSensitive: Bool)? {
    switch self {
    case .exact(let text, let caseSensitive):
      return (text, caseSensitive)
    case .wildcard(let pattern, let caseSensitive)
    where WildcardPattern.literalPrefix(pattern).endIndex == pattern.endIndex:
      return (pattern, caseSensitive)
    default:
      return nil
    }
  }

  /// Text every accepted value starts with.
  private var guaranteedPrefix: (text: String, caseSensitive: Bool)? {
    switch self {
    case .exact(let text, let caseSensitive), .prefix(let text, let caseSensitive):
      return (text, caseSensitive)
    case .wildcard(let pattern, let caseSensitive):
      return (String(WildcardPattern.literalPrefix(pattern)), caseSensitive)
    default:
      return nil
    }
  }

  /// Text every accepted value ends with.
  private var guaranteedSuffix: (text: String, caseSensitive: Bool)? {
    switch self {
    case .exact(let text, let caseSensitive), .suffix(let text, let caseSensitive):
      return (text, caseSensitive)
    case .wildcard(let pattern, let caseSensitive):
      return (String(WildcardPattern.literalSuffix(pattern)), caseSensitive)
    default:
      return nil
    }
  }

  /// Texts every accepted value contains.
  private var guaranteedInfixes: [(text: String, caseSensitive: Bool)] {
    switch self {
    case .exact(let text, let caseSensitive), .prefix(let text, let caseSensitive),
      .suffix(let text, let caseSensitive), .contains(let text, let caseSensitive):
      return [(text, caseSensitive)]
    case .wildcard(let pattern, let caseSensitive):
      return [
        (String(WildcardPattern.literalPrefix(pattern)), caseSensitive),
        (String(WildcardPattern.literalSuffix(pattern)), caseSensitive),
      ]
    case .regex, .range:
      return []
    }
  }

  /// A match under `ownCaseSensitive` is also one under `otherCaseSensitive`'s folding.
  private static func compatible(_ ownCaseSensitive: Bool, _ otherCaseSensitive: Bool) -> Bool {
    ownCaseSensitive || !otherCaseSensitive
  }
}
