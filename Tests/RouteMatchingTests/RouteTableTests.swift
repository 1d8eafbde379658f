import RouteMatching
import Testing

/// Envoy-style route table tests: a small rule list, a request, the expected rule.
@Suite struct RouteTableTests {
  struct Scenario: Sendable, CustomTestStringConvertible {
    let label: String
    let rules: [(name: String, condition: RequestCondition)]
    let method: String
    let url: String
    let headers: HTTPHeaders
    let expected: String?
    init(
      _ label: String, _ rules: [(name: String, condition: RequestCondition)],
      method: String = "GET", _ url: String, headers: HTTPHeaders = [:], expect expected: String?
    ) {
      self.label = label
      self.rules = rules
      self.method = method
      self.url = url
      self.headers = headers
      self.expected = expected
    }
    var testDescription: String { label }
  }

  static func prefix(_ text: String, caseSensitive: Bool = true) -> RequestCondition {
    .path(.prefix(text, caseSensitive: caseSensitive))
  }

  /// App Mesh route order as converters produce it: priority ascending (0 highest), routes
  /// without priority after all others (as 1001), ties by longest match (AWS behaviour §1.7).
  static func appMesh(_ routes: [(name: String, priority: Int?, prefix: String)])
    -> [(name: String, condition: RequestCondition)]
  {
    routes.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.priority ?? 1001, -lhs.element.prefix.count, lhs.offset)
      let right = (rhs.element.priority ?? 1001, -rhs.element.prefix.count, rhs.offset)
      return left < right
    }.map { (name: $0.element.name, condition: prefix($0.element.prefix)) }
  }

  static let albRules: [(name: String, condition: RequestCondition)] = [
    (name: "rule priority 5", condition: .host(.wildcard("*.example.com"))),
    (name: "rule priority 10", condition: .path(.wildcard("/img/*", caseSensitive: true))),
  ]

  static let latticeRules: [(name: String, condition: RequestCondition)] = [
    (name: "priority 1", condition: prefix("/a", caseSensitive: false)),
    (name: "priority 2", condition: prefix("/", caseSensitive: false)),
  ]

  static let canaryRules: [(name: String, condition: RequestCondition)] = [
    (
      name: "canary",
      condition: .allOf([
        prefix("/"),
        .header(name: "x-canary", match: .exact("true", caseSensitive: true), invert: false),
      ])
    ),
    (name: "stable", condition: prefix("/")),
  ]

  @Test(arguments: [
    // Behaviour 8: lower priority number wins, specificity irrelevant.
    Scenario(
      "app mesh priority beats specificity",
      appMesh([(name: "R1", priority: 10, prefix: "/api"), (name: "R2", priority: 5, prefix: "/")]),
      "http://svc.local/api/x", expect: "R2"),
    // Behaviour 9: unprioritised routes never beat prioritised ones.
    Scenario(
      "app mesh unprioritised last",
      appMesh([
        (name: "R1", priority: 1000, prefix: "/"), (name: "R2", priority: nil, prefix: "/api"),
      ]),
      "http://svc.local/api/x", expect: "R1"),
    // Behaviour 20: among unprioritised gateway routes the longest prefix wins.
    Scenario(
      "gateway longest prefix",
      appMesh([
        (name: "root", priority: nil, prefix: "/"),
        (name: "chapter", priority: nil, prefix: "/chapter"),
      ]),
      "http://gw.example.com/chapter/", expect: "chapter"),
    Scenario(
      "gateway falls back to root",
      appMesh([
        (name: "root", priority: nil, prefix: "/"),
        (name: "chapter", priority: nil, prefix: "/chapter"),
      ]),
      "http://gw.example.com/book", expect: "root"),
    // Behaviour 10: no route matches (the router answers 404 NR).
    Scenario(
      "app mesh no match", [(name: "api", condition: prefix("/api"))], "http://svc.local/other",
      expect: nil),
    // Behaviour 33: Lattice listener rules in priority order, then the default action.
    Scenario("lattice /a/b", latticeRules, "http://svc.lattice/a/b", expect: "priority 1"),
    Scenario("lattice /zzz", latticeRules, "http://svc.lattice/zzz", expect: "priority 2"),
    Scenario("lattice default", [latticeRules[0]], "http://svc.lattice/zzz", expect: nil),
    // Behaviour 34: path prefix with caseSensitive unset matches other case.
    Scenario(
      "lattice path case", [latticeRules[0]], "http://svc.lattice/A/x", expect: "priority 1"),
    // Behaviour 47: ALB host wildcard tiers and case, path-pattern case.
    Scenario("alb host first", albRules, "http://a.example.com/img/x", expect: "rule priority 5"),
    Scenario("alb bare domain", albRules, "http://example.com/img/x", expect: "rule priority 10"),
    Scenario("alb host case", albRules, "http://A.EXAMPLE.COM/other", expect: "rule priority 5"),
    Scenario("alb path case", albRules, "http://example.com/IMG/x", expect: nil),
    Scenario(
      "header canary routes first",
      canaryRules,
      "http://svc.local/", headers: ["X-Canary": "true"], expect: "canary"),
    Scenario(
      "header canary absent",
      canaryRules,
      "http://svc.local/", expect: "stable"),
    Scenario("empty table", [], "http://svc.local/", expect: nil),
  ])
  func firstMatchingRuleWins(_ scenario: Scenario) throws {
    let table = RouteTable(
      rules: scenario.rules.map {
        RouteRule(name: $0.name, condition: $0.condition, action: $0.name)
      })
    let head = try request(scenario.url, method: scenario.method, headers: scenario.headers)
    let match = table.firstMatch(head)
    #expect(match?.rule.action == scenario.expected)
    let decision = table.explain(head)
    #expect(decision.action == scenario.expected)
    #expect(decision.matchedIndex == match?.index)
    #expect(decision.evaluated.count == (match.map { $0.index + 1 } ?? table.rules.count))
  }

  @Test func weightedActionPicksWithTheGivenRandomValue() throws {
    let table = RouteTable(rules: [
      RouteRule(
        name: "route api", condition: Self.prefix("/api"),
        action: WeightedChoice([(element: "v1", weight: 90), (element: "v2", weight: 10)])),
      RouteRule(
        name: "route default", condition: .always,
        action: WeightedChoice([(element: "v1", weight: 1)])),
    ])
    let action = try #require(table.firstMatch(try request("http://svc.local/api/x"))?.rule.action)
    #expect(action.pick(randomValue: 0) == "v1")
    #expect(action.pick(randomValue: 89) == "v1")
    #expect(action.pick(randomValue: 90) == "v2")
  }

  @Test func explainListsSkippedRulesWithReasonsThenTheMatch() throws {
    let table = RouteTable(
      rules: Self.albRules.map {
        RouteRule(name: $0.name, condition: $0.condition, action: $0.name)
      })
    let decision = table.explain(try request("http://example.com/img/x"))
    #expect(decision.matchedIndex == 1)
    #expect(decision.evaluated.map(\.name) == ["rule priority 5", "rule priority 10"])
    #expect(
      decision.evaluated.map(\.outcome) == [
        .notMatched(reason: "host: expected host-header '*.example.com', found 'example.com'"),
        .matched,
      ])
    let none = table.explain(try request("http://example.com/IMG/x"))
    #expect(none.matchedIndex == nil)
    #expect(none.action == nil)
    #expect(
      none.lines.last == "no rule matched"
        && none.lines.count == 3)
  }

  struct Shadowing: Sendable, CustomTestStringConvertible {
    let label: String
    let conditions: [RequestCondition]
    let expected: [String]
    var testDescription: String { label }
  }

  @Test(arguments: [
    Shadowing(
      label: "catch-all '/' shadows later '/api'", conditions: [prefix("/"), prefix("/api")],
      expected: ["1 by 0"]),
    Shadowing(
      label: "'/api' does not shadow '/'", conditions: [prefix("/api"), prefix("/")], expected: []),
    Shadowing(
      label: "exact '/a' shadowed by prefix '/'",
      conditions: [prefix("/"), .path(.exact("/a", caseSensitive: true))], expected: ["1 by 0"]),
    Shadowing(
      label: "ALB '*' and '/*' accept any path",
      conditions: [
        .path(.wildcard("/*", caseSensitive: true)),
        .path(.wildcard("/img/*", caseSensitive: true)),
        prefix("/api"),
      ],
      expected: ["1 by 0", "2 by 0"]),
    Shadowing(
      label: "always shadows everything after it, earliest reported",
      conditions: [.port(80), .always, .always, prefix("/x")], expected: ["2 by 1", "3 by 1"]),
    Shadowing(
      label: "identical conditions", conditions: [.host(.exact("a")), .host(.exact("a"))],
      expected: ["1 by 0"]),
    Shadowing(
      label: "header present shadows a value match on the same name",
      conditions: [
        .header(name: "x-canary", match: nil, invert: false),
        .header(name: "X-Canary", match: .exact("true", caseSensitive: true), invert: false),
      ],
      expected: ["1 by 0"]),
    Shadowing(
      label: "header value match does not shadow presence",
      conditions: [
        .header(name: "x-canary", match: .exact("true", caseSensitive: true), invert: false),
        .header(name: "x-canary", match: nil, invert: false),
      ],
      expected: []),
    Shadowing(
      label: "more specific rule with extra conditions is shadowed",
      conditions: [
        .allOf([.host(.exact("a")), prefix("/api")]),
        .allOf([.host(.exact("a")), prefix("/api/v1"), .method(["GET"])]),
      ],
      expected: ["1 by 0"]),
    Shadowing(
      label: "missing condition prevents shadowing",
      conditions: [.allOf([.host(.exact("a")), prefix("/api")]), prefix("/api/v1")], expected: []),
    Shadowing(
      label: "case-sensitive prefix does not shadow case-insensitive",
      conditions: [prefix("/api"), prefix("/api/x", caseSensitive: false)], expected: []),
    Shadowing(
      label: "case-insensitive prefix shadows case-sensitive",
      conditions: [prefix("/api", caseSensitive: false), prefix("/API/x")], expected: ["1 by 0"]),
    Shadowing(
      label: "priority order, not specificity",
      conditions: [prefix("/api"), prefix("/"), prefix("/api/v2")], expected: ["2 by 0"]),
  ])
  func reportsShadowedRulesWithoutFalsePositives(_ row: Shadowing) {
    let table = RouteTable(
      rules: row.conditions.enumerated().map {
        RouteRule(name: "rule \($0.offset)", condition: $0.element, action: $0.offset)
      })
    #expect(table.shadowedRules().map { "\($0.shadowed) by \($0.by)" } == row.expected)
  }
}
