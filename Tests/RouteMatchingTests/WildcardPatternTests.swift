import Testing

@testable import RouteMatching

@Suite struct WildcardPatternTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let pattern: String
    let text: String
    let caseSensitive: Bool
    let matches: Bool
    init(_ pattern: String, _ text: String, caseSensitive: Bool = true, _ matches: Bool) {
      self.pattern = pattern
      self.text = text
      self.caseSensitive = caseSensitive
      self.matches = matches
    }
    var testDescription: String { "'\(pattern)' ~ '\(text)' → \(matches)" }
  }

  @Test(arguments: [
    Row("*", "", true),
    Row("*", "anything/at/all", true),
    Row("", "", true),
    Row("", "x", false),
    Row("/img/*", "/img/x", true),
    Row("/img/*", "/img/", true),
    Row("/img/*", "/img", false),
    Row("/img/*", "/IMG/x", false),
    Row("/img/*", "/IMG/x", caseSensitive: false, true),
    Row("*.example.com", "a.example.com", true),
    Row("*.example.com", "a.b.example.com", true),
    Row("*.example.com", "example.com", false),
    Row("*.example.com", ".example.com", true),
    Row("?.example.com", "a.example.com", true),
    Row("?.example.com", "ab.example.com", false),
    Row("?.example.com", ".example.com", false),
    Row("/v?/users", "/v1/users", true),
    Row("/v?/users", "/v10/users", false),
    Row("a*b*c", "abc", true),
    Row("a*b*c", "aXXbYYc", true),
    Row("a*b*c", "aXXcYYb", false),
    Row("a*b", "ab-b-b", true),
    Row("*ab", "aab", true),
    Row("**", "x", true),
    Row("?", "é", true),
    Row("??", "é", false),
    Row("/caf?", "/café", true),
    Row("*é", "café", true),
    Row("*?", "é", true),
    Row("*??", "é", false),
  ])
  func matchesWholeText(_ row: Row) {
    #expect(
      WildcardPattern.matches(row.pattern, row.text, caseSensitive: row.caseSensitive)
        == row.matches)
  }

  @Test func extractsLiteralParts() {
    #expect(WildcardPattern.literalPrefix("/img/*") == "/img/")
    #expect(WildcardPattern.literalPrefix("/v?/x*") == "/v")
    #expect(WildcardPattern.literalPrefix("plain") == "plain")
    #expect(WildcardPattern.literalSuffix("*.example.com") == ".example.com")
    #expect(WildcardPattern.literalSuffix("a*b?c") == "c")
    #expect(WildcardPattern.literalSuffix("plain") == "plain")
    #expect(WildcardPattern.literalCount("/v?/x*") == 4)
  }

  @Test func classifiesPatterns() {
    #expect(WildcardPattern.matchesEverything("*"))
    #expect(WildcardPattern.matchesEverything("***"))
    #expect(!WildcardPattern.matchesEverything(""))
    #expect(!WildcardPattern.matchesEverything("/*"))
    #expect(WildcardPattern.isPrefixPattern("/*"))
    #expect(WildcardPattern.isPrefixPattern("/img/**"))
    #expect(!WildcardPattern.isPrefixPattern("/img/*.png"))
    #expect(!WildcardPattern.isPrefixPattern("/img/?"))
    #expect(!WildcardPattern.isPrefixPattern("/img"))
  }
}
