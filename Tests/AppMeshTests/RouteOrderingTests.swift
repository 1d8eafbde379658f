import Foundation
import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// App Mesh precedence as the converters apply it, and matches with Envoy semantics
/// (AWS behaviour §7 items 8, 9, 13, 14, 19, 20).
@Suite struct RouteOrderingTests {
  typealias F = AppMeshFixture

  /// The route a request to router `r` (listener 8080) matches, by name.
  static func matchedRoute(_ routes: [F.JSON], _ head: RequestHead) -> String? {
    let model = F.model(
      F.scenario(appMesh: [
        "virtualNodes": [F.node("a"), F.node("b")],
        "virtualRouters": [F.router("r")], "routes": routes,
      ]))
    let config = model.appMesh.initial
    return config.virtualRouters[0].listeners[0].table.firstMatch(head).map {
      config.routes[$0.rule.action].name
    }
  }

  static func get(_ path: String, headers: [(String, String)] = [], method: String = "GET")
    -> RequestHead
  {
    RequestHead(
      method: method, scheme: "http", host: "svc.mesh.local", port: 8080, path: path,
      headers: HTTPHeaders(headers))
  }

  @Test func item8LowerPriorityNumberWinsWhateverTheSpecificity() {
    let routes = [
      F.route("r1", router: "r", priority: 10, match: ["prefix": "/api"], targets: [("a", 1)]),
      F.route("r2", router: "r", priority: 5, match: ["prefix": "/"], targets: [("b", 1)]),
    ]
    #expect(Self.matchedRoute(routes, Self.get("/api/x")) == "r2")
  }

  @Test func item9UnprioritisedRoutesComeAfterEveryPrioritisedOne() {
    let routes = [
      F.route("r1", router: "r", priority: 1000, match: ["prefix": "/"], targets: [("a", 1)]),
      F.route("r2", router: "r", match: ["prefix": "/api"], targets: [("b", 1)]),
    ]
    #expect(Self.matchedRoute(routes, Self.get("/api/x")) == "r1")
  }

  @Test func unprioritisedRoutesGoLongestPrefixFirst() {
    let routes = [
      F.route("short", router: "r", match: ["prefix": "/"], targets: [("a", 1)]),
      F.route("long", router: "r", match: ["prefix": "/api"], targets: [("b", 1)]),
    ]
    #expect(Self.matchedRoute(routes, Self.get("/api/x")) == "long")
    #expect(Self.matchedRoute(routes, Self.get("/other")) == "short")
  }

  @Test func item10NoMatchingRouteIsNil() {
    let routes = [F.route("r1", router: "r", match: ["prefix": "/api"], targets: [("a", 1)])]
    #expect(Self.matchedRoute(routes, Self.get("/other")) == nil)
  }

  /// (match kind, match text — `start..<end` for ranges —, invert, header value or nil, matches?)
  @Test(
    arguments: [
      ("prefix", "2", true, "1.0", true),
      ("prefix", "2", true, "2.1", false),
      ("prefix", "2", true, nil, false),
      ("range", "1..<100", false, "99", true),
      ("range", "1..<100", false, "100", false),
      ("range", "100..<150", false, "120", true),
      ("exact", "Canary", false, "canary", false),
      ("exact", "Canary", false, "Canary", true),
      ("regex", "redor.*", false, "redorgreencolor", true),
      ("regex", "redor.*", false, "xredor", false),
      ("suffix", "-v2", false, "api-v2", true),
    ] as [(String, String, Bool, String?, Bool)])
  func items13And14HeaderMatches(
    _ example: (kind: String, text: String, invert: Bool, value: String?, matches: Bool)
  ) {
    var match: F.JSON = [example.kind: example.text]
    if example.kind == "range" {
      let bounds = example.text.components(separatedBy: "..<").compactMap { Int($0) }
      match = ["range": ["start": bounds[0], "end": bounds[1]]]
    }
    var header: F.JSON = ["name": "x-ver", "match": match]
    if example.invert { header["invert"] = true }
    let routes = [
      F.route("r1", router: "r", match: ["prefix": "/", "headers": [header]], targets: [("a", 1)])
    ]
    let headers = example.value.map { [("x-ver", $0)] } ?? []
    #expect((Self.matchedRoute(routes, Self.get("/", headers: headers)) == "r1") == example.matches)
  }

  @Test func aHeaderWithoutMatchTestsPresenceAndInvertTestsAbsence() {
    let present = [
      F.route(
        "r1", router: "r", match: ["prefix": "/", "headers": [["name": "color_header"]]],
        targets: [("a", 1)])
    ]
    let absent = [
      F.route(
        "r1", router: "r",
        match: ["prefix": "/", "headers": [["name": "color_header", "invert": true]]],
        targets: [("a", 1)])
    ]
    #expect(Self.matchedRoute(present, Self.get("/", headers: [("Color_Header", "x")])) == "r1")
    #expect(Self.matchedRoute(present, Self.get("/")) == nil)
    #expect(Self.matchedRoute(absent, Self.get("/")) == "r1")
    #expect(Self.matchedRoute(absent, Self.get("/", headers: [("color_header", "x")])) == nil)
  }

  @Test func methodPathAndQueryMatches() {
    let routes = [
      F.route(
        "post", router: "r", priority: 1, match: ["prefix": "/", "method": "POST"],
        targets: [("a", 1)]),
      F.route(
        "exact", router: "r", priority: 2, match: ["path": ["exact": "/a"]], targets: [("a", 1)]),
      F.route(
        "query", router: "r", priority: 3,
        match: [
          "prefix": "/", "queryParameters": [["name": "fishes", "match": ["exact": "nemo"]]],
        ],
        targets: [("b", 1)]),
    ]
    #expect(Self.matchedRoute(routes, Self.get("/x", method: "POST")) == "post")
    #expect(Self.matchedRoute(routes, Self.get("/x", method: "post")) == nil)
    #expect(Self.matchedRoute(routes, Self.get("/a")) == "exact")
    #expect(Self.matchedRoute(routes, Self.get("/a/b")) == nil)
    var withQuery = Self.get("/x")
    withQuery.query = [(name: "fishes", value: "nemo")]
    #expect(Self.matchedRoute(routes, withQuery) == "query")
    withQuery.query = [(name: "fishes", value: "Nemo")]
    #expect(Self.matchedRoute(routes, withQuery) == nil)
  }

  @Test func grpcRoutesMatchServiceAndMethodOnTheRequestPath() {
    let model = F.model(
      F.scenario(appMesh: [
        "virtualNodes": [F.node("a", protocolName: "grpc")], "virtualRouters": [F.router("r", protocolName: "grpc")],
        "routes": [
          F.route(
            "get", router: "r", match: ["serviceName": "color.ColorService", "methodName": "GetColor"],
            targets: [("a", 1)], kind: "grpcRoute"),
          F.route(
            "any", router: "r", priority: 5, match: ["serviceName": "admin.Admin"], targets: [("a", 1)],
            kind: "grpcRoute"),
        ],
      ]))
    let config = model.appMesh.initial
    let table = config.virtualRouters[0].listeners[0].table
    func matched(_ path: String) -> String? {
      table.firstMatch(Self.get(path, method: "POST")).map { config.routes[$0.rule.action].name }
    }
    #expect(matched("/color.ColorService/GetColor") == "get")
    #expect(matched("/color.ColorService/SetColor") == nil)
    #expect(matched("/admin.Admin/Reset") == "any")
  }

  @Test(
    arguments: [
      ([nil, nil], ["/a", "/b"], [0, 1], 0),
      ([5, nil], ["/", "/long"], [0, 1], 0),
      ([nil, nil], ["/", "/long"], [1, 0], 0),
      ([nil, nil], ["/same", "/same"], [0, 1], 1),
      ([3, 3], ["/x", "/y"], [0, 1], 0),
      ([3, 3], [nil, nil], [0, 1], 1),
      ([3, 3], ["/x", nil], [0, 1], 0),
    ] as [([Int?], [String?], [Int], Int)])
  func orderingAndTies(_ example: (priorities: [Int?], paths: [String?], order: [Int], ties: Int)) {
    let entries = zip(example.priorities, example.paths).enumerated().map { index, pair in
      AppMeshRouteOrdering.Entry(
        priority: pair.0, specificity: pair.1?.count ?? 0, name: "r\(index)", path: pair.1)
    }
    let result = AppMeshRouteOrdering.order(entries)
    #expect(result.order == example.order)
    #expect(result.ties.count == example.ties)
  }
}
