import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// Listener-rule semantics converted into the shared route-matching engine
/// (aws-behaviour §3.5, §7 items 33–36).
@Suite struct LatticeRuleMatchingTests {
  static let source = SourceRef(
    location: SourceLocation(file: "t.json", line: 1, column: 1), jsonPath: JSONPath())

  static func match(
    method: String? = nil, path: (LatticeMatchKind, String, Bool?)? = nil,
    headers: [(String, LatticeMatchKind, String, Bool?)] = []
  ) -> LatticeHTTPMatchSpec {
    LatticeHTTPMatchSpec(
      method: method,
      pathMatch: path.map {
        LatticePathMatchSpec(kind: $0.0, value: $0.1, caseSensitive: $0.2, source: source)
      },
      headerMatches: headers.map {
        LatticeHeaderMatchSpec(
          name: $0.0, kind: $0.1, value: $0.2, caseSensitive: $0.3, source: source)
      },
      source: source)
  }

  static func request(_ path: String, method: String = "GET", headers: HTTPHeaders = [:])
    -> RequestHead
  {
    RequestHead(
      method: method, scheme: "http", host: "svc.test.internal", port: 80, path: path,
      headers: headers)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var match: LatticeHTTPMatchSpec
    var request: RequestHead
    var matches: Bool
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "header exact, case unset: PROD matches prod",
      match: match(headers: [("x-env", .exact, "prod", nil)]),
      request: request("/", headers: ["X-Env": "PROD"]), matches: true),
    Case(
      name: "header exact, caseSensitive: PROD does not match prod",
      match: match(headers: [("x-env", .exact, "prod", true)]),
      request: request("/", headers: ["x-env": "PROD"]), matches: false),
    Case(
      name: "header prefix", match: match(headers: [("x-version", .prefix, "2.", nil)]),
      request: request("/", headers: ["x-version": "2.1"]), matches: true),
    Case(
      name: "header contains, case-insensitive",
      match: match(headers: [("user-agent", .contains, "mobile", nil)]),
      request: request("/", headers: ["User-Agent": "App/1.0 (Mobile)"]), matches: true),
    Case(
      name: "absent header does not match", match: match(headers: [("x-env", .exact, "prod", nil)]),
      request: request("/"), matches: false),
    Case(
      name: "method GET matches GET", match: match(method: "GET"),
      request: request("/", method: "GET"), matches: true),
    Case(
      name: "method GET does not match get", match: match(method: "GET"),
      request: request("/", method: "get"), matches: false),
    Case(
      name: "custom method", match: match(method: "PURGE"), request: request("/", method: "PURGE"),
      matches: true),
    Case(
      name: "prefix /api matches /API/x (caseSensitive unset)",
      match: match(path: (.prefix, "/api", nil)),
      request: request("/API/x"), matches: true),
    Case(
      name: "prefix /api, caseSensitive true, misses /API/x",
      match: match(path: (.prefix, "/api", true)),
      request: request("/API/x"), matches: false),
    Case(
      name: "prefix /api also matches /apix (plain string prefix)",
      match: match(path: (.prefix, "/api", nil)),
      request: request("/apix"), matches: true),
    Case(
      name: "exact /a misses /a/b", match: match(path: (.exact, "/a", nil)),
      request: request("/a/b"), matches: false),
    Case(
      name: "exact is case-insensitive by default", match: match(path: (.exact, "/Docs", nil)),
      request: request("/docs"), matches: true),
    Case(
      name: "all conditions must hold",
      match: match(
        method: "POST", path: (.prefix, "/api", nil), headers: [("x-env", .exact, "prod", nil)]),
      request: request("/api", method: "POST", headers: ["x-env": "dev"]), matches: false),
    Case(
      name: "all conditions hold",
      match: match(
        method: "POST", path: (.prefix, "/api", nil), headers: [("x-env", .exact, "prod", nil)]),
      request: request("/api", method: "POST", headers: ["x-env": "prod"]), matches: true),
  ]

  @Test(arguments: cases)
  func converts(_ testCase: Case) {
    #expect(
      LatticeRuleConverter.condition(testCase.match).matches(testCase.request) == testCase.matches)
  }

  static func rule(
    _ name: String, _ priority: Int, path: String,
    action: String = #"{ "fixedResponse": { "statusCode": 404 } }"#
  ) -> String {
    #"{ "serviceIdentifier": "svc", "listenerIdentifier": "http", "name": "\#(name)", "priority": \#(priority), "match": { "httpMatch": { "pathMatch": { "match": { "prefix": "\#(path)" } } } }, "action": \#(action) }"#
  }

  /// Item 33: priority 1 `/a`, priority 2 `/` (declared in the other order); no match → default.
  @Test(arguments: [
    ("/a/b", "rule 'a-prefix' (priority 1)"), ("/zzz", "rule 'root-prefix' (priority 2)"),
    ("other", "default action"),
  ])
  func firstMatchInAscendingPriority(path: String, expected: String) throws {
    var fixture = LatticeFixture()
    fixture.rules = [Self.rule("root-prefix", 2, path: "/"), Self.rule("a-prefix", 1, path: "/a")]
    let model = try #require(fixture.load().model)
    let table = model.lattice.listeners[0].routeTable
    #expect(
      table.rules.map(\.name) == [
        "rule 'a-prefix' (priority 1)", "rule 'root-prefix' (priority 2)", "default action",
      ])
    #expect(table.firstMatch(Self.request(path))?.rule.name == expected)
  }

  /// Item 35: weights are relative; 10/20 sends values 0…9 of 30 to the first group.
  @Test func weightsAreRelative() throws {
    var fixture = LatticeFixture()
    fixture.targetGroups.append(
      #"{ "name": "second-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "10.0.1.10" }] }"#
    )
    fixture.defaultAction =
      #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "backend-tg", "weight": 10 }, { "targetGroupIdentifier": "second-tg", "weight": 20 }] } }"#
    let model = try #require(fixture.load().model)
    guard case .forward(let groups) = model.lattice.listeners[0].defaultAction else {
      Issue.record("expected a forward action")
      return
    }
    let choice = WeightedChoice(groups.map { (element: $0.targetGroup, weight: $0.weight) })
    #expect(choice.totalWeight == 30)
    let picks: [Int] = (0..<30).compactMap { value in choice.pick(randomValue: UInt64(value)) }
    #expect(picks.count == 30)
    #expect(picks.filter { $0 == 0 }.count == 10)
    #expect(choice.pick(randomValue: 9) == 0)
    #expect(choice.pick(randomValue: 10) == 1)
  }

  /// Item 36: only 404 and 500 are accepted in a fixed response.
  @Test(arguments: [(404, true), (500, true), (403, false), (200, false), (503, false)])
  func fixedResponseStatus(status: Int, accepted: Bool) {
    var fixture = LatticeFixture()
    fixture.rules = [
      Self.rule(
        "fixed", 1, path: "/x", action: #"{ "fixedResponse": { "statusCode": \#(status) } }"#)
    ]
    let ids = fixture.diagnosticIDs()
    #expect(ids.contains("model.invalid-fixed-response") != accepted, "\(ids)")
  }

  /// Item 35 end to end: 10/20 over 900 requests gives about 1/3 and 2/3.
  @Test func weightedSplitOverManyRequests() throws {
    var fixture = LatticeFixture()
    fixture.externals = [
      #"{ "name": "second", "subnet": "subnet-provider", "ipAddress": "10.0.1.11", "ports": [80] }"#
    ]
    fixture.targetGroups.append(
      #"{ "name": "second-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "10.0.1.11" }] }"#
    )
    fixture.defaultAction =
      #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "backend-tg", "weight": 10 }, { "targetGroupIdentifier": "second-tg", "weight": 20 }] } }"#
    fixture.traffic = [LatticeFixture.stream("split", count: 900, extra: #", "rate": "100/s""#)]
    let result = try #require(fixture.run())
    let first = result.rows("split").filter { $0.service == "backend" }.map(\.count).reduce(0, +)
    let second = result.rows("split").filter { $0.service == "second" }.map(\.count).reduce(0, +)
    #expect(first + second == 900)
    #expect((240...360).contains(first), "first group got \(first) of 900")
  }
}
