import RouteMatching
import Testing

@Suite struct StringMatchImplicationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let own: StringMatch
    let other: StringMatch
    let implies: Bool
    init(_ own: StringMatch, _ other: StringMatch, _ implies: Bool) {
      self.own = own
      self.other = other
      self.implies = implies
    }
    var testDescription: String { "\(own.summary) ⇒ \(other.summary): \(implies)" }
  }

  @Test(arguments: [
    Row(.exact("a", caseSensitive: true), .exact("a", caseSensitive: true), true),
    Row(.exact("a", caseSensitive: true), .exact("A", caseSensitive: false), true),
    Row(.exact("a", caseSensitive: false), .exact("a", caseSensitive: true), false),
    Row(.exact("/a/b", caseSensitive: true), .prefix("/a", caseSensitive: true), true),
    Row(.prefix("/api/v1", caseSensitive: true), .prefix("/api", caseSensitive: true), true),
    Row(.prefix("/api", caseSensitive: true), .prefix("/api/v1", caseSensitive: true), false),
    Row(.prefix("/API/x", caseSensitive: true), .prefix("/api", caseSensitive: false), true),
    Row(.prefix("/API/x", caseSensitive: false), .prefix("/api", caseSensitive: true), false),
    Row(.prefix("/api", caseSensitive: true), .prefix("", caseSensitive: true), true),
    Row(.exact("x.png", caseSensitive: true), .suffix(".png", caseSensitive: true), true),
    Row(.suffix("a.png", caseSensitive: true), .suffix(".png", caseSensitive: true), true),
    Row(.prefix("a.png", caseSensitive: true), .suffix(".png", caseSensitive: true), false),
    Row(.prefix("xcanaryx", caseSensitive: true), .contains("canary", caseSensitive: true), true),
    Row(.contains("canary-1", caseSensitive: true), .contains("canary", caseSensitive: true), true),
    Row(
      .contains("canary", caseSensitive: true), .contains("canary-1", caseSensitive: true), false),
    Row(.exact("/img/x", caseSensitive: true), .wildcard("/img/*", caseSensitive: true), true),
    Row(.exact("/IMG/x", caseSensitive: true), .wildcard("/img/*", caseSensitive: true), false),
    Row(.prefix("/img/a", caseSensitive: true), .wildcard("/img/*", caseSensitive: true), true),
    Row(.prefix("/im", caseSensitive: true), .wildcard("/img/*", caseSensitive: true), false),
    Row(.prefix("/x", caseSensitive: true), .wildcard("/*", caseSensitive: true), true),
    Row(.prefix("", caseSensitive: true), .wildcard("/*", caseSensitive: true), false),
    Row(
      .wildcard("/img/*.png", caseSensitive: true), .wildcard("/img/*", caseSensitive: true), true),
    Row(
      .wildcard("/img/*", caseSensitive: true), .wildcard("/img/*.png", caseSensitive: true), false),
    Row(.wildcard("/a?c", caseSensitive: true), .wildcard("/a?c", caseSensitive: true), true),
    Row(
      .wildcard("*.example.com", caseSensitive: true), .suffix(".com", caseSensitive: true), true),
    Row(.wildcard("a*b", caseSensitive: true), .contains("a", caseSensitive: true), true),
    Row(.wildcard("plain", caseSensitive: true), .exact("plain", caseSensitive: true), true),
    Row(.range(start: 10, end: 20), .range(start: 1, end: 100), true),
    Row(.range(start: 1, end: 100), .range(start: 10, end: 20), false),
    Row(.range(start: 5, end: 5), .range(start: 10, end: 20), true),
    Row(.exact("5", caseSensitive: true), .range(start: 1, end: 10), false),
    Row(.exact("abc", caseSensitive: true), .wildcard("*", caseSensitive: true), true),
  ])
  func provesOnlyWhatLiteralsGuarantee(_ row: Row) {
    #expect(row.own.implies(row.other) == row.implies)
  }

  @Test func regexImpliesOnlyItself() throws {
    let own = StringMatch.regex(try CompiledRegex(pattern: "/api/.*"))
    #expect(own.implies(.regex(try CompiledRegex(pattern: "/api/.*"))))
    #expect(!own.implies(.prefix("/api/", caseSensitive: true)))
    #expect(own.implies(.prefix("", caseSensitive: true)))
    #expect(!StringMatch.prefix("/api/", caseSensitive: true).implies(own))
  }
}
