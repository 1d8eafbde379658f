import RouteMatching
import Testing

@Suite struct StringMatchTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let match: StringMatch
    let value: String
    let expected: Bool
    init(_ match: StringMatch, _ value: String, _ expected: Bool) {
      self.match = match
      self.value = value
      self.expected = expected
    }
    var testDescription: String { "\(match.summary) ~ '\(value)' → \(expected)" }
  }

  @Test(arguments: [
    Row(.exact("true", caseSensitive: true), "true", true),
    Row(.exact("true", caseSensitive: true), "True", false),
    Row(.exact("true", caseSensitive: true), "true ", false),
    Row(.exact("prod", caseSensitive: false), "PROD", true),
    Row(.prefix("2", caseSensitive: true), "2.1", true),
    Row(.prefix("2", caseSensitive: true), "1.0", false),
    Row(.prefix("Mozilla", caseSensitive: false), "mozilla/5.0", true),
    Row(.suffix(".png", caseSensitive: true), "a.png", true),
    Row(.suffix(".png", caseSensitive: true), "a.PNG", false),
    Row(.contains("canary", caseSensitive: false), "x-CANARY-1", true),
    Row(.contains("canary", caseSensitive: true), "x-CANARY-1", false),
    Row(.wildcard("*bot*", caseSensitive: false), "GoogleBot/2.1", true),
    Row(.wildcard("v?", caseSensitive: false), "V2", true),
    Row(.wildcard("v?", caseSensitive: false), "v22", false),
    // App Mesh range {start: 1, end: 100}: the end is exclusive (behaviour 14).
    Row(.range(start: 1, end: 100), "99", true),
    Row(.range(start: 1, end: 100), "100", false),
    Row(.range(start: 1, end: 100), "1", true),
    Row(.range(start: 1, end: 100), "0", false),
    Row(.range(start: -10, end: 0), "-3", true),
    Row(.range(start: 1, end: 100), " 42 ", true),
    Row(.range(start: 1, end: 100), "+42", true),
    Row(.range(start: 1, end: 100), "42a", false),
    Row(.range(start: 1, end: 100), "4.2", false),
    Row(.range(start: 1, end: 100), "", false),
    Row(.range(start: 1, end: 100), "99999999999999999999", false),
  ])
  func matchesValues(_ row: Row) {
    #expect(row.match.matches(row.value) == row.expected)
  }

  @Test func regexMatchesTheWholeValue() throws {
    let match = StringMatch.regex(try CompiledRegex(pattern: "redor.*"))
    #expect(match.matches("redorange"))
    #expect(!match.matches("xredor"))
  }

  @Test func summariesNameKindTextAndCaseFolding() throws {
    #expect(StringMatch.exact("true", caseSensitive: true).summary == "exact 'true'")
    #expect(
      StringMatch.prefix("2", caseSensitive: false).summary == "prefix '2' (case-insensitive)")
    #expect(StringMatch.suffix(".png", caseSensitive: true).summary == "suffix '.png'")
    #expect(
      StringMatch.contains("c", caseSensitive: false).summary == "contains 'c' (case-insensitive)")
    #expect(StringMatch.wildcard("a*", caseSensitive: true).summary == "wildcard 'a*'")
    #expect(StringMatch.range(start: 1, end: 100).summary == "range [1, 100)")
    #expect(StringMatch.regex(try CompiledRegex(pattern: "a.*")).summary == "regex 'a.*'")
  }

  @Test func recognisesMatchersThatAcceptEverything() {
    #expect(StringMatch.prefix("", caseSensitive: true).matchesEverything)
    #expect(StringMatch.contains("", caseSensitive: true).matchesEverything)
    #expect(StringMatch.wildcard("*", caseSensitive: true).matchesEverything)
    #expect(!StringMatch.exact("", caseSensitive: true).matchesEverything)
    #expect(!StringMatch.wildcard("?*", caseSensitive: true).matchesEverything)
  }
}
