import RouteMatching
import Testing

@Suite struct RequestConditionTests {
  struct Row: Sendable, CustomTestStringConvertible {
    let label: String
    let condition: RequestCondition
    let method: String
    let url: String
    let headers: HTTPHeaders
    let expected: Bool
    init(
      _ label: String, _ condition: RequestCondition, method: String = "GET", _ url: String,
      headers: HTTPHeaders = [:], _ expected: Bool
    ) {
      self.label = label
      self.condition = condition
      self.method = method
      self.url = url
      self.headers = headers
      self.expected = expected
    }
    var testDescription: String { label }
  }

  static let xVerNot2 = RequestCondition.header(
    name: "x-ver", match: .prefix("2", caseSensitive: true), invert: true)
  static let range1to100 = RequestCondition.header(
    name: "x-n", match: .range(start: 1, end: 100), invert: false)
  static let canaryPresent = RequestCondition.header(name: "x-canary", match: nil, invert: false)
  static let canaryAbsent = RequestCondition.header(name: "x-canary", match: nil, invert: true)
  static let versionExact = RequestCondition.query(
    name: "v", match: .exact("2", caseSensitive: true))
  static let latticeEnv = RequestCondition.header(
    name: "x-env", match: .exact("prod", caseSensitive: false), invert: false)
  static let albHostsAndPaths = RequestCondition.allOf([
    .anyOf([.host(.wildcard("a.example.com")), .host(.wildcard("b.example.com"))]),
    .anyOf([
      .path(.wildcard("/x/*", caseSensitive: true)), .path(.wildcard("/y/*", caseSensitive: true)),
    ]),
  ])

  @Test(arguments: [
    // App Mesh header invert (behaviour 13); an inverted match still needs the header (Envoy).
    Row("invert: 1.0 matches", xVerNot2, "http://h/", headers: ["x-ver": "1.0"], true),
    Row("invert: 2.1 does not", xVerNot2, "http://h/", headers: ["x-ver": "2.1"], false),
    Row("invert: absent header does not", xVerNot2, "http://h/", headers: [:], false),
    // Range end is exclusive (behaviour 14).
    Row("range 99", range1to100, "http://h/", headers: ["x-n": "99"], true),
    Row("range 100", range1to100, "http://h/", headers: ["x-n": "100"], false),
    Row("range not a number", range1to100, "http://h/", headers: ["x-n": "ten"], false),
    // Presence tests; header names are case-insensitive.
    Row("present", canaryPresent, "http://h/", headers: ["X-Canary": ""], true),
    Row("present, absent", canaryPresent, "http://h/", headers: [:], false),
    Row("absent", canaryAbsent, "http://h/", headers: [:], true),
    Row("absent, present", canaryAbsent, "http://h/", headers: ["x-canary": "1"], false),
    // Repeated header fields are matched as one comma-joined value, as Envoy does.
    Row(
      "repeated header combined",
      .header(name: "x-a", match: .exact("1,2", caseSensitive: true), invert: false),
      "http://h/", headers: ["x-a": "1", "X-A": "2"], true),
    // App Mesh query parameter exact: name case-sensitive, first occurrence decides.
    Row("query exact", versionExact, "http://h/p?v=2", true),
    Row("query other value", versionExact, "http://h/p?v=3", false),
    Row("query name case", versionExact, "http://h/p?V=2", false),
    Row("query first occurrence", versionExact, "http://h/p?v=3&v=2", false),
    Row("query missing", versionExact, "http://h/p", false),
    Row("query present", .query(name: "debug", match: nil), "http://h/p?debug", true),
    // ALB query-string: value-only condition looks at every parameter, case-insensitively.
    Row(
      "value-only", .query(name: nil, match: .wildcard("b*", caseSensitive: false)),
      "http://h/p?a=1&x=BLUE", true),
    Row(
      "value-only none", .query(name: nil, match: .wildcard("b*", caseSensitive: false)),
      "http://h/p?a=1", false),
    Row("any parameter", .query(name: nil, match: nil), "http://h/p?a", true),
    Row("any parameter, none", .query(name: nil, match: nil), "http://h/p?", false),
    Row(
      "ALB key case-insensitive",
      .queryNameIgnoringCase(name: "version", match: .wildcard("v?", caseSensitive: false)),
      "http://h/p?Version=V2", true),
    // VPC Lattice (behaviour 34): header names/values case-insensitive by default, method not.
    Row("lattice exact", latticeEnv, "http://h/", headers: ["X-Env": "PROD"], true),
    Row(
      "lattice prefix",
      .header(name: "x-env", match: .prefix("pr", caseSensitive: false), invert: false),
      "http://h/", headers: ["X-ENV": "Production"], true),
    Row(
      "lattice contains",
      .header(name: "user-agent", match: .contains("bot", caseSensitive: false), invert: false),
      "http://h/", headers: ["User-Agent": "GoogleBOT/2"], true),
    Row("method GET", .method(["GET"]), method: "GET", "http://h/", true),
    Row("method get", .method(["GET"]), method: "get", "http://h/", false),
    Row("method any of", .method(["GET", "HEAD"]), method: "HEAD", "http://h/", true),
    Row("custom method", .method(["PURGE"]), method: "PURGE", "http://h/", true),
    // ALB: OR within a condition, AND across conditions.
    Row("ALB a + /x", albHostsAndPaths, "http://a.example.com/x/1", true),
    Row("ALB b + /y", albHostsAndPaths, "http://B.example.com/y/1", true),
    Row("ALB c + /x", albHostsAndPaths, "http://c.example.com/x/1", false),
    Row("ALB a + /z", albHostsAndPaths, "http://a.example.com/z/1", false),
    Row("port", .port(8080), "http://h:8080/", true),
    Row("other port", .port(8080), "http://h/", false),
    Row("not", .not(.path(.prefix("/admin", caseSensitive: true))), "http://h/public", true),
    Row(
      "not, matched", .not(.path(.prefix("/admin", caseSensitive: true))), "http://h/admin", false),
    Row("empty allOf", .allOf([]), "http://h/", true),
    Row("empty anyOf", .anyOf([]), "http://h/", false),
    Row("always", .always, "http://h/", true),
  ])
  func evaluatesConditions(_ row: Row) throws {
    let head = try request(row.url, method: row.method, headers: row.headers)
    #expect(row.condition.matches(head) == row.expected)
    #expect(row.condition.evaluate(head).isMatch == row.expected)
  }

  @Test func regexHeaderMustMatchTheWholeValue() throws {
    let condition = RequestCondition.header(
      name: "x-user", match: .regex(try CompiledRegex(pattern: "redor.*")), invert: false)
    #expect(condition.matches(try request("http://h/", headers: ["x-user": "redorange"])))
    #expect(!condition.matches(try request("http://h/", headers: ["x-user": "xredor"])))
  }

  @Test func sourceAddressUsesTheImmediatePeer() throws {
    let condition = RequestCondition.sourceAddress([
      try #require(CIDRRange("10.0.0.0/16")), try #require(CIDRRange("192.168.0.0/24")),
    ])
    #expect(condition.matches(try request("http://h/", source: "10.0.3.4")))
    #expect(condition.matches(try request("http://h/", source: "192.168.0.9")))
    #expect(!condition.matches(try request("http://h/", source: "10.1.0.1")))
    // X-Forwarded-For is not the source address.
    let forwarded = try request(
      "http://h/", headers: ["x-forwarded-for": "10.0.3.4"], source: "172.16.0.1")
    #expect(!condition.matches(forwarded))
    #expect(!condition.matches(try request("http://h/")))
  }
}
