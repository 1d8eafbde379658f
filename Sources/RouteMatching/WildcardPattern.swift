/// ALB-style wildcard patterns: `*` matches zero or more characters, `?` exactly one.
///
/// Used by ALB `host-header`, `path-pattern`, `http-header` and `query-string` conditions
/// (Elastic Load Balancing guide, "Listener rules"). Every other character is literal; there
/// is no escape syntax, as in ALB. Matching is the linear-space greedy algorithm with single
/// backtracking point (worst case O(pattern × text)), over UTF-8 bytes, where `?` consumes one
/// whole Unicode scalar. It does not allocate.
enum WildcardPattern {
  static let star = UInt8(ascii: "*")
  static let question = UInt8(ascii: "?")

  /// Whether `text` matches `pattern` as a whole.
  static func matches(_ pattern: String, _ text: String, caseSensitive: Bool) -> Bool {
    ASCIICaseFolding.withBytes(pattern) { p in
      ASCIICaseFolding.withBytes(text) { t in
        matches(p, t, caseSensitive: caseSensitive)
      }
    }
  }

  /// Whether the bytes `t` match the pattern bytes `p` as a whole.
  static func matches(
    _ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, caseSensitive: Bool
  ) -> Bool {
    var patternIndex = 0
    var textIndex = 0
    var starIndex = -1
    var starTextIndex = 0
    while textIndex < t.count {
      if patternIndex < p.count && p[patternIndex] == question {
        patternIndex += 1
        textIndex = nextScalar(t, after: textIndex)
      } else if patternIndex < p.count && p[patternIndex] == star {
        starIndex = patternIndex
        patternIndex += 1
        starTextIndex = textIndex
      } else if patternIndex < p.count
        && bytesMatch(p[patternIndex], t[textIndex], caseSensitive: caseSensitive)
      {
        patternIndex += 1
        textIndex += 1
      } else if starIndex >= 0 {
        patternIndex = starIndex + 1
        starTextIndex = nextScalar(t, after: starTextIndex)
        textIndex = starTextIndex
      } else {
        return false
      }
    }
    while patternIndex < p.count && p[patternIndex] == star {
      patternIndex += 1
    }
    return patternIndex == p.count
  }

  /// Whether `pattern` consists only of `*` (and so matches every string).
  static func matchesEverything(_ pattern: String) -> Bool {
    !pattern.isEmpty && pattern.utf8.allSatisfy { $0 == star }
  }

  /// The literal text before the first wildcard character: every match starts with it.
  static func literalPrefix(_ pattern: String) -> Substring {
    let end = pattern.firstIndex(where: { $0 == "*" || $0 == "?" }) ?? pattern.endIndex
    return pattern[..<end]
  }

  /// The literal text after the last wildcard character: every match ends with it.
  static func literalSuffix(_ pattern: String) -> Substring {
    guard let last = pattern.lastIndex(where: { $0 == "*" || $0 == "?" }) else {
      return pattern[...]
    }
    return pattern[pattern.index(after: last)...]
  }

  /// Whether `pattern` is a literal followed only by `*`s (`/img/*`), so it behaves as a prefix.
  static func isPrefixPattern(_ pattern: String) -> Bool {
    let literal = literalPrefix(pattern)
    let rest = pattern[literal.endIndex...]
    return !rest.isEmpty && rest.utf8.allSatisfy { $0 == star }
  }

  /// Number of literal (non-wildcard) characters.
  static func literalCount(_ pattern: String) -> Int {
    pattern.reduce(0) { $0 + ($1 == "*" || $1 == "?" ? 0 : 1) }
  }

  @inline(__always)
  private static func bytesMatch(_ a: UInt8, _ b: UInt8, caseSensitive: Bool) -> Bool {
    caseSensitive ? a == b : ASCIICaseFolding.fold(a) == ASCIICaseFolding.fold(b)
  }

  /// The index of the first byte after the Unicode scalar starting at `index`.
  @inline(__always)
  private static func nextScalar(_ t: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
    var next = index + 1
    while next < t.count && t[next] & 0xC0 == 0x80 {
      next += 1
    }
    return next
  }
}
