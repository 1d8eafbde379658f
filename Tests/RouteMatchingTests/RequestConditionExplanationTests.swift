import RouteMatching
import Testing

@Suite struct RequestConditionExplanationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let condition: RequestCondition
    let method: String
    let url: String
    let headers: HTTPHeaders
    let reason: String
    init(
      _ condition: RequestCondition, method: String = "GET", _ url: String,
      headers: HTTPHeaders = [:], _ reason: String
    ) {
      self.condition = condition
      self.method = method
      self.url = url
      self.headers = headers
      self.reason = reason
    }
    var testDescription: String { reason }
  }

  static let canary = RequestCondition.header(
    name: "x-canary", match: .exact("true", caseSensitive: true), invert: false)

  @Test(arguments: [
    Row(canary, "http://h/", "header 'x-canary': expected exact 'true', found none"),
    Row(
      canary, "http://h/", headers: ["X-Canary": "false"],
      "header 'x-canary': expected exact 'true', found 'false'"),
    Row(
      .header(name: "x-ver", match: .prefix("2", caseSensitive: true), invert: true), "http://h/",
      headers: ["x-ver": "2.1"], "header 'x-ver': expected not prefix '2', found '2.1'"),
    Row(
      .header(name: "x-debug", match: nil, invert: true), "http://h/", headers: ["x-debug": "1"],
      "header 'x-debug': expected absent, found '1'"),
    Row(
      .header(name: "x-id", match: nil, invert: false), "http://h/",
      "header 'x-id': expected present, found none"),
    Row(
      .path(.prefix("/api", caseSensitive: true)), "http://h/other",
      "path: expected prefix '/api', found '/other'"),
    Row(
      .path(.wildcard("/img/*", caseSensitive: true)), "http://h/IMG/x",
      "path: expected path-pattern '/img/*', found '/IMG/x'"),
    Row(
      .host(.wildcard("*.example.com")), "http://example.com/",
      "host: expected host-header '*.example.com', found 'example.com'"),
    Row(.method(["GET"]), method: "get", "http://h/", "method: expected 'GET', found 'get'"),
    Row(
      .method(["GET", "HEAD"]), method: "POST", "http://h/",
      "method: expected one of 'GET', 'HEAD', found 'POST'"),
    Row(
      .query(name: "v", match: .exact("2", caseSensitive: true)), "http://h/?v=3",
      "query 'v': expected exact '2', found '3'"),
    Row(
      .query(name: nil, match: .wildcard("b*", caseSensitive: false)), "http://h/?a=1",
      "query: expected a parameter value wildcard 'b*' (case-insensitive), found 'a=1'"),
    Row(.query(name: nil, match: nil), "http://h/", "query: expected a query, found none"),
    Row(.port(8080), "http://h/", "port: expected 8080, found 80"),
    Row(
      .sourceAddress([CIDRRange(network: 0x0A00_0000, prefixLength: 8)]), "http://h/",
      "source-ip: expected 10.0.0.0/8, found none"),
    // allOf stops at its first failure and reports only that one.
    Row(
      .allOf([.method(["GET"]), .path(.prefix("/a", caseSensitive: true)), canary]), method: "GET",
      "http://h/b", "path: expected prefix '/a', found '/b'"),
    Row(
      .anyOf([.host(.wildcard("a.com")), .host(.wildcard("b.com"))]), "http://c.com/",
      "none matched: host: expected host-header 'a.com', found 'c.com'; "
        + "host: expected host-header 'b.com', found 'c.com'"),
    Row(
      .not(.path(.prefix("/admin", caseSensitive: true))), "http://h/admin/x",
      "expected not (path prefix '/admin'), but it matched"),
    Row(.anyOf([]), "http://h/", "no alternatives to match"),
  ])
  func explainsWhyAConditionFailed(_ row: Row) throws {
    let head = try request(row.url, method: row.method, headers: row.headers)
    #expect(row.condition.evaluate(head) == .notMatched(reason: row.reason))
  }

  @Test func matchedConditionHasNoReason() throws {
    #expect(
      Self.canary.evaluate(try request("http://h/", headers: ["x-canary": "true"])) == .matched)
  }

  @Test(arguments: [
    (RequestCondition.always, "always"),
    (.allOf([]), "always"),
    (.anyOf([]), "never"),
    (.method(["GET"]), "method 'GET'"),
    (.header(name: "x-a", match: nil, invert: false), "header 'x-a' present"),
    (.header(name: "x-a", match: nil, invert: true), "header 'x-a' absent"),
    (.query(name: "v", match: nil), "query 'v' present"),
    (.query(name: nil, match: .exact("x", caseSensitive: true)), "query any value exact 'x'"),
    (
      .queryNameIgnoringCase(name: "v", match: .exact("1", caseSensitive: false)),
      "query 'v' (case-insensitive name) exact '1' (case-insensitive)"
    ),
    (.port(443), "port 443"),
    (
      .allOf([
        .host(.wildcard("*.example.com")),
        .anyOf([.path(.wildcard("/img/*", caseSensitive: true)), .method(["GET", "HEAD"])]),
      ]),
      "host-header '*.example.com' and (path-pattern '/img/*' or method one of 'GET', 'HEAD')"
    ),
    (
      .anyOf([.allOf([.port(80), .method(["GET"])]), .port(81)]),
      "(port 80 and method 'GET') or port 81"
    ),
    (.not(.port(80)), "not (port 80)"),
  ])
  func summarisesConditions(_ condition: RequestCondition, _ summary: String) {
    #expect(condition.summary == summary)
  }
}
