import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// Gateway route precedence and rewrites (AWS behaviour §1.8, §7 items 19 and 20).
@Suite struct GatewayRouteTests {
  typealias F = AppMeshFixture

  static func gatewayRoute(
    _ name: String, match: F.JSON, rewrite: F.JSON? = nil, priority: Int? = nil
  ) -> F.JSON {
    var action: F.JSON = ["target": ["virtualService": ["virtualServiceName": "svc.local"]]]
    if let rewrite { action["rewrite"] = rewrite }
    var spec: F.JSON = ["httpRoute": ["match": match, "action": action]]
    if let priority { spec["priority"] = priority }
    return ["meshName": "m", "virtualGatewayName": "g", "gatewayRouteName": name, "spec": spec]
  }

  static func configuration(_ routes: [F.JSON]) -> AppMeshConfiguration {
    let gateway: F.JSON = [
      "meshName": "m", "virtualGatewayName": "g",
      "spec": ["listeners": [["portMapping": ["port": 80, "protocol": "http"]]]],
    ]
    return F.model(
      F.scenario(appMesh: [
        "virtualNodes": [F.node("a")],
        "virtualServices": [F.virtualService("svc.local", node: "a")],
        "virtualGateways": [gateway], "gatewayRoutes": routes,
      ])
    ).appMesh.initial
  }

  static func request(_ path: String, host: String = "www.example.com") -> RequestHead {
    RequestHead(method: "GET", scheme: "http", host: host, port: 80, path: path)
  }

  /// The route matched by `head` and the path it forwards.
  static func apply(_ routes: [F.JSON], _ head: RequestHead) -> (
    route: String, path: String, host: String
  )? {
    let config = configuration(routes)
    guard let match = config.virtualGateways[0].routeListeners[0].table.firstMatch(head) else {
      return nil
    }
    let route = config.gatewayRoutes[match.rule.action]
    let host = route.rewritesHost ? config.virtualServices[route.service].name : head.host
    return (route.name, route.pathRewrite.apply(to: head.path), host)
  }

  @Test func item19DefaultRewriteReplacesThePrefixAndTheHost() throws {
    let result = try #require(
      Self.apply(
        [Self.gatewayRoute("c", match: ["prefix": "/chapter"])], Self.request("/chapter/1")))
    #expect(result.path == "/1")
    #expect(result.host == "svc.local")
  }

  @Test func item19DisabledRewritesKeepPathAndHost() throws {
    let route = Self.gatewayRoute(
      "c", match: ["prefix": "/chapter"],
      rewrite: [
        "prefix": ["defaultPrefix": "DISABLED"], "hostname": ["defaultTargetHostname": "DISABLED"],
      ])
    let result = try #require(Self.apply([route], Self.request("/chapter/1")))
    #expect(result.path == "/chapter/1")
    #expect(result.host == "www.example.com")
  }

  @Test(arguments: [
    ("/red", "/red/tell", "/tell"),
    ("/red/", "/red/tell", "/tell"),
    ("/", "/red/tell", "/red/tell"),
  ])
  func defaultPrefixRewrite(_ example: (prefix: String, path: String, forwarded: String)) throws {
    let result = try #require(
      Self.apply(
        [Self.gatewayRoute("r", match: ["prefix": example.prefix])], Self.request(example.path)))
    #expect(result.path == example.forwarded)
  }

  @Test func customPrefixAndPathRewrites() throws {
    let custom = Self.gatewayRoute(
      "m", match: ["prefix": "/maroon/"], rewrite: ["prefix": ["value": "/red/"]])
    #expect(try #require(Self.apply([custom], Self.request("/maroon/tell"))).path == "/red/tell")
    let path = Self.gatewayRoute(
      "p", match: ["path": ["exact": "/old"]], rewrite: ["path": ["exact": "/new"]])
    #expect(try #require(Self.apply([path], Self.request("/old"))).path == "/new")
    let noDefault = Self.gatewayRoute("p", match: ["path": ["exact": "/old"]])
    #expect(try #require(Self.apply([noDefault], Self.request("/old"))).path == "/old")
  }

  @Test func item20WithoutPrioritiesTheLongestPrefixWins() throws {
    let routes = [
      Self.gatewayRoute("root", match: ["prefix": "/"]),
      Self.gatewayRoute("chapter", match: ["prefix": "/chapter"]),
    ]
    #expect(try #require(Self.apply(routes, Self.request("/chapter/"))).route == "chapter")
    #expect(try #require(Self.apply(routes, Self.request("/other"))).route == "root")
  }

  @Test func priorityBeatsPrefixLength() throws {
    let routes = [
      Self.gatewayRoute("root", match: ["prefix": "/"], priority: 1),
      Self.gatewayRoute("chapter", match: ["prefix": "/chapter"], priority: 2),
    ]
    #expect(try #require(Self.apply(routes, Self.request("/chapter/"))).route == "root")
  }

  @Test func hostnameMatchesFoldCase() throws {
    let routes = [
      Self.gatewayRoute("h", match: ["prefix": "/", "hostname": ["exact": "www.example.com"]]),
      Self.gatewayRoute("s", match: ["prefix": "/", "hostname": ["suffix": ".example.org"]]),
    ]
    #expect(
      try #require(Self.apply(routes, Self.request("/", host: "WWW.Example.com"))).route == "h")
    #expect(try #require(Self.apply(routes, Self.request("/", host: "a.example.org"))).route == "s")
    #expect(Self.apply(routes, Self.request("/", host: "nlb.elb.amazonaws.com")) == nil)
  }
}
