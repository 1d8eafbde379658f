import RouteMatching
import Testing

@Suite struct RequestConditionImplicationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let label: String
    let own: RequestCondition
    let other: RequestCondition
    let implies: Bool
    init(_ label: String, _ own: RequestCondition, _ other: RequestCondition, _ implies: Bool) {
      self.label = label
      self.own = own
      self.other = other
      self.implies = implies
    }
    var testDescription: String { label }
  }

  static func prefix(_ text: String) -> RequestCondition {
    .path(.prefix(text, caseSensitive: true))
  }
  static func header(_ name: String, _ match: StringMatch?, invert: Bool = false)
    -> RequestCondition
  {
    .header(name: name, match: match, invert: invert)
  }
  static let exactTrue = StringMatch.exact("true", caseSensitive: true)
  static let hostA = RequestCondition.host(.exact("a.example.com"))

  @Test(arguments: [
    Row("anything implies always", prefix("/a"), .always, true),
    Row("always implies only always", .always, prefix("/"), false),
    Row("identical", hostA, hostA, true),
    Row("longer prefix", prefix("/api/v1"), prefix("/api"), true),
    Row("shorter prefix", prefix("/api"), prefix("/api/v1"), false),
    Row("exact under prefix", .path(.exact("/a", caseSensitive: true)), prefix("/"), true),
    Row(
      "wildcard '*' accepts any path", .path(.regex(try! CompiledRegex(pattern: "/x.*"))),
      .path(.wildcard("*", caseSensitive: true)), true),
    Row(
      "'/*' accepts prefix paths", prefix("/x"), .path(.wildcard("/*", caseSensitive: true)), true),
    Row("value implies present", header("X-Canary", exactTrue), header("x-canary", nil), true),
    Row(
      "inverted value implies present", header("x", exactTrue, invert: true), header("x", nil), true
    ),
    Row("absent does not imply present", header("x", nil, invert: true), header("x", nil), false),
    Row("other header name", header("y", exactTrue), header("x", nil), false),
    Row(
      "nested inverted matches", header("x", .prefix("2", caseSensitive: true), invert: true),
      header("x", .exact("2.1", caseSensitive: true), invert: true), true),
    Row(
      "inverted the wrong way", header("x", .exact("2.1", caseSensitive: true), invert: true),
      header("x", .prefix("2", caseSensitive: true), invert: true), false),
    Row("method subset", .method(["GET"]), .method(["GET", "HEAD"]), true),
    Row("method superset", .method(["GET", "POST"]), .method(["GET"]), false),
    Row(
      "nested CIDR", .sourceAddress([CIDRRange("10.1.0.0/16")!]),
      .sourceAddress([CIDRRange("10.0.0.0/8")!]), true),
    Row(
      "wider CIDR", .sourceAddress([CIDRRange("10.0.0.0/8")!]),
      .sourceAddress([CIDRRange("10.1.0.0/16")!]), false),
    Row("port", .port(80), .port(80), true),
    Row("other port", .port(80), .port(81), false),
    Row(
      "query value implies present", .query(name: "v", match: exactTrue),
      .query(name: "v", match: nil), true),
    Row(
      "query named implies any value", .query(name: "v", match: exactTrue),
      .query(name: nil, match: .exact("true", caseSensitive: false)), true),
    Row(
      "query other name", .query(name: "v", match: exactTrue), .query(name: "w", match: nil), false),
    Row("query name case", .query(name: "V", match: nil), .query(name: "v", match: nil), false),
    Row(
      "query to case-insensitive name, value", .query(name: "v", match: exactTrue),
      .queryNameIgnoringCase(name: "V", match: exactTrue), false),
    Row(
      "query to case-insensitive name, present", .query(name: "v", match: exactTrue),
      .queryNameIgnoringCase(name: "V", match: nil), true),
    Row("allOf part implies", .allOf([hostA, prefix("/api/v1")]), prefix("/api"), true),
    Row("allOf needs every part", prefix("/api/v1"), .allOf([hostA, prefix("/api")]), false),
    Row(
      "allOf to allOf", .allOf([hostA, prefix("/api/v1"), .port(80)]),
      .allOf([prefix("/api"), hostA]), true),
    Row("anyOf needs every branch", .anyOf([prefix("/a/1"), prefix("/a/2")]), prefix("/a"), true),
    Row("anyOf branch escapes", .anyOf([prefix("/a/1"), prefix("/b")]), prefix("/a"), false),
    Row("into some branch", prefix("/a/1"), .anyOf([prefix("/b"), prefix("/a")]), true),
    Row("never implies anything", .anyOf([]), .port(1), true),
    Row("not contrapositive", .not(prefix("/a")), .not(prefix("/a/b")), true),
    Row("not the wrong way", .not(prefix("/a/b")), .not(prefix("/a")), false),
    Row("different kinds", hostA, prefix("/"), false),
  ])
  func provesImplicationConservatively(_ row: Row) {
    #expect(row.own.implies(row.other) == row.implies)
  }
}
