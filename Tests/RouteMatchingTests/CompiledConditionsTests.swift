import RouteMatching
import Testing

/// A route table tests path rules on prepared bytes (`CompiledConditions`); its first match must
/// always be the first rule whose condition `RequestCondition.matches` accepts, tested in order.
@Suite struct CompiledConditionsTests {
  /// Conditions mixing the prepared kinds (catch-all, path prefix and exact, either case
  /// sensitivity) with ones evaluated as they are (host, method, header, regex, not).
  static let conditions: [RequestCondition] = [
    .path(.prefix("/api/v2", caseSensitive: true)),
    .path(.exact("/Health", caseSensitive: false)),
    .allOf([.method(["POST"]), .path(.prefix("/api", caseSensitive: true))]),
    .path(.prefix("/ÄPI", caseSensitive: false)),
    .host(.exact("orders.local")),
    .path(.exact("/", caseSensitive: true)),
    .header(name: "x-canary", match: .exact("1", caseSensitive: true), invert: false),
    .path(.prefix("/API", caseSensitive: false)),
    .not(.path(.prefix("/static", caseSensitive: true))),
    .path(.prefix("", caseSensitive: true)),
    // ALB path patterns, prepared as prefixes (`literal*`) or exact paths (no wildcard) when
    // they can be, alone or wrapped as a one-value condition of a one-condition rule.
    .path(.wildcard("/api/v2*", caseSensitive: true)),
    .allOf([.anyOf([.path(.wildcard("/static/**", caseSensitive: true))])]),
    .path(.wildcard("/Health", caseSensitive: true)),
    .path(.wildcard("/ÄPI*", caseSensitive: false)),
    .path(.wildcard("/a*b", caseSensitive: true)),
    .path(.wildcard("/ap?/*", caseSensitive: true)),
    .path(.wildcard("*", caseSensitive: true)),
    .path(.wildcard("", caseSensitive: true)),
    .always,
  ]

  static let paths = [
    "/", "", "/api", "/api/v2", "/api/v2/x", "/API/V2", "/health", "/Health", "/HEALTH/",
    "/ÄPI/x", "/äpi/x", "/static/a.css", "/staticx", "/a//b", "/api%2Fv2",
  ]

  /// The first match of a linear `matches` scan over `conditions[rotation...] + conditions[..<rotation]`.
  static func expected(_ conditions: [RequestCondition], _ head: RequestHead) -> Int? {
    conditions.firstIndex { $0.matches(head) }
  }

  @Test(arguments: 0..<conditions.count)
  func firstMatchEqualsLinearScan(rotation: Int) throws {
    // Every rotation puts a different kind of rule first, so each kind is seen shadowing others.
    let rotated = Array(Self.conditions[rotation...] + Self.conditions[..<rotation])
    let table = RouteTable(rules: rotated.enumerated().map { RouteRule(name: "r\($0.offset)", condition: $0.element, action: $0.offset) })
    for path in Self.paths {
      for method in ["GET", "POST"] {
        for host in ["orders.local", "other.local"] {
          let headers: HTTPHeaders = path.count % 2 == 0 ? ["x-canary": "1"] : [:]
          var head = RequestHead(method: method, scheme: "http", host: host, port: 80, path: path, headers: headers)
          head.sourceAddress = 0x0A00_0001
          let want = Self.expected(rotated, head)
          #expect(table.firstMatchIndex(head) == want, "\(method) \(host) \(path)")
          #expect(table.firstMatch(head)?.index == want, "\(method) \(host) \(path)")
          #expect(table.explain(head).matchedIndex == want, "\(method) \(host) \(path)")
        }
      }
    }
  }

  @Test func replacingRulesPreparesTheNewConditions() {
    var table = RouteTable(rules: [RouteRule(name: "a", condition: .path(.prefix("/a", caseSensitive: true)), action: 0)])
    let head = RequestHead(method: "GET", scheme: "http", host: "h", port: 80, path: "/b/c")
    #expect(table.firstMatchIndex(head) == nil)
    table.rules.append(RouteRule(name: "b", condition: .path(.prefix("/b", caseSensitive: true)), action: 1))
    #expect(table.firstMatchIndex(head) == 1)
    table.rules = []
    #expect(table.firstMatchIndex(head) == nil)
  }
}
