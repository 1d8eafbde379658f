import NetworkModel
import SimEngine
import SimKernel
import Testing

/// Requests through simulated Envoys end the way AWS behaviour §1.11 and §7 say.
@Suite struct AppMeshEngineTests {
  typealias F = AppMeshFixture

  /// A mesh task `client` (node `client-vn` declaring `backends`) and servers `b`, `c`.
  static func scenario(
    appMesh extra: F.JSON = [:], backends: [String] = ["b.mesh.local"], url: String,
    count: Int = 20, clientBehavior: F.JSON = [:],
    servers: [(String, F.JSON)] = [("b", [:]), ("c", [:])],
    egressFilter: String = "DROP_ALL", simulation: F.JSON? = nil, ignoredPorts: [Int] = [],
    external: [F.JSON] = []
  ) -> F.JSON {
    var appMesh: F.JSON = [
      "virtualNodes": [F.node("client-vn", service: "client", backends: backends)]
        + servers.map { F.node("\($0.0)-vn", service: $0.0) },
      "virtualServices": servers.map { F.virtualService("\($0.0).mesh.local", node: "\($0.0)-vn") },
    ]
    for (key, value) in extra { appMesh[key] = value }
    return F.scenario(
      appMesh: appMesh,
      taskDefinitions: [
        F.task(
          "client", node: "client-vn",
          behavior: clientBehavior.isEmpty ? ["body": "client"] : clientBehavior,
          ignoredPorts: ignoredPorts)
      ]
        + servers.map { F.task($0.0, node: "\($0.0)-vn", behavior: $0.1) },
      services: [F.service("client", "client")] + servers.map { F.service($0.0, $0.0) },
      traffic: [F.traffic("t", url: url, from: ["service": "client"], count: count)],
      egressFilter: egressFilter, simulation: simulation, external: external)
  }

  @Test func item1ADeclaredBackendAnswers() {
    let result = F.run(Self.scenario(url: "http://b.mesh.local:8080/"))
    #expect(result.count("t", status: 200, service: "b") == 20)
  }

  @Test func item2AnUndeclaredServiceGets404() {
    let result = F.run(Self.scenario(url: "http://c.mesh.local:8080/"))
    #expect(result.count("t", status: 404, disposition: "deniedByMeshEgressFilter") == 20)
  }

  @Test func item6AnUnresolvableVirtualServiceNameFailsInTheApplication() {
    let appMesh: F.JSON = [
      "virtualServices": [
        F.virtualService("b.mesh.local", node: "b-vn"),
        F.virtualService("ghost.example", node: "b-vn"),
      ]
    ]
    let result = F.run(
      Self.scenario(
        appMesh: appMesh, backends: ["ghost.example"], url: "http://ghost.example:8080/"))
    #expect(result.count("t", disposition: "dnsNameNotFound") == 20)
  }

  @Test func item7AServiceWithoutProviderIs503() {
    let appMesh: F.JSON = [
      "virtualServices": [
        F.virtualService("b.mesh.local"), F.virtualService("c.mesh.local", node: "c-vn"),
      ]
    ]
    let result = F.run(Self.scenario(appMesh: appMesh, url: "http://b.mesh.local:8080/"))
    #expect(result.count("t", status: 503, disposition: "noProvider") == 20)
  }

  static func routed(
    _ routes: [F.JSON], url: String, count: Int = 20,
    servers: [(String, F.JSON)] = [("b", [:]), ("c", [:])],
    simulation: F.JSON? = nil, routerPorts: [Int] = [8080]
  ) -> RunResult {
    F.run(
      routedScenario(
        routes, url: url, count: count, servers: servers, simulation: simulation,
        routerPorts: routerPorts))
  }

  /// The scenario `routed` runs: the client calls virtual service svc.mesh.local, provided by
  /// virtual router r with `routes`.
  static func routedScenario(
    _ routes: [F.JSON], url: String, count: Int = 20,
    servers: [(String, F.JSON)] = [("b", [:]), ("c", [:])],
    simulation: F.JSON? = nil, routerPorts: [Int] = [8080]
  ) -> F.JSON {
    let appMesh: F.JSON = [
      "virtualRouters": [F.router("r", ports: routerPorts)], "routes": routes,
      "virtualServices": [F.virtualService("svc.mesh.local", router: "r")],
    ]
    var scenario = Self.scenario(
      appMesh: appMesh, backends: ["svc.mesh.local"], url: url, count: count, servers: servers,
      simulation: simulation)
    var cloudMap = scenario["cloudMap"] as! F.JSON
    var registries = cloudMap["services"] as! [F.JSON]
    registries.append([
      "Name": "svc", "Id": "srv-svc", "NamespaceId": "ns-mesh",
      "DnsConfig": ["RoutingPolicy": "MULTIVALUE", "DnsRecords": [["Type": "A", "TTL": 10]]],
    ])
    cloudMap["services"] = registries
    scenario["cloudMap"] = cloudMap
    var services = (scenario["ecs"] as! F.JSON)["services"] as! [F.JSON]
    services[1]["serviceRegistries"] = [["registryArn": "srv-b"], ["registryArn": "srv-svc"]]
    var ecs = scenario["ecs"] as! F.JSON
    ecs["services"] = services
    scenario["ecs"] = ecs
    return scenario
  }

  @Test func item10NoRouteMatchesIs404() {
    let result = Self.routed(
      [F.route("api", router: "r", match: ["prefix": "/api"], targets: [("b-vn", 1)])],
      url: "http://svc.mesh.local:8080/other")
    #expect(result.count("t", status: 404, disposition: "noMatchingRoute") == 20)
  }

  @Test func item11APortWithoutListenerClosesTheConnection() {
    let result = Self.routed(
      [F.route("all", router: "r", targets: [("b-vn", 1)])], url: "http://svc.mesh.local:9999/")
    #expect(result.count("t", disposition: "connectionClosed") == 20)
  }

  @Test func item12WeightsAreRelativeAndPickedPerRequest() {
    let ninetyTen = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 90), ("c-vn", 10)])],
      url: "http://svc.mesh.local:8080/", count: 10000)
    #expect((8800...9200).contains(ninetyTen.count("t", service: "b")))
    let fiveToOne = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 50), ("c-vn", 10)])],
      url: "http://svc.mesh.local:8080/", count: 6000)
    #expect((4800...5200).contains(fiveToOne.count("t", service: "b")))
    let zero = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 1), ("c-vn", 0)])],
      url: "http://svc.mesh.local:8080/",
      count: 500)
    #expect(zero.count("t", service: "c") == 0)
  }

  static func attempts(_ result: RunResult, to task: String) -> Int {
    result.edges.filter { $0.to == task }.reduce(0) { $0 + $1.count }
  }

  @Test func item15ServerErrorRetriesThreeAttemptsAnd409IsNotRetried() {
    let policy: F.JSON = [
      "retryPolicy": [
        "maxRetries": 2, "perRetryTimeout": ["value": 1, "unit": "s"],
        "httpRetryEvents": ["server-error"],
      ]
    ]
    let failing = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 1)], extra: policy)],
      url: "http://svc.mesh.local:8080/",
      count: 1, servers: [("b", ["status": 500]), ("c", [:])])
    #expect(failing.count("t", status: 500, service: "b") == 1)
    #expect(Self.attempts(failing, to: "b") == 3)
    let conflict = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 1)], extra: policy)],
      url: "http://svc.mesh.local:8080/",
      count: 1, servers: [("b", ["status": 409]), ("c", [:])])
    #expect(conflict.count("t", status: 409) == 1)
    #expect(Self.attempts(conflict, to: "b") == 1)
  }

  @Test func item16TheHiddenDefaultRetriesA503ButNotA500() {
    let route = [F.route("w", router: "r", targets: [("b-vn", 1)])]
    let brief503: [(String, F.JSON)] = [("b", ["failFor": "10ms", "failStatus": 503]), ("c", [:])]
    let withDefaults = Self.routed(
      route, url: "http://svc.mesh.local:8080/", count: 200, servers: brief503)
    #expect(withDefaults.count("t", status: 200) >= 150)
    let switchedOff = Self.routed(
      route, url: "http://svc.mesh.local:8080/", count: 200, servers: brief503,
      simulation: ["appMeshDefaultRetries": false])
    #expect(switchedOff.count("t", status: 503) == 200)
    let brief500: [(String, F.JSON)] = [("b", ["failFor": "10ms", "failStatus": 500]), ("c", [:])]
    #expect(
      Self.routed(route, url: "http://svc.mesh.local:8080/", count: 200, servers: brief500).count(
        "t", status: 500) == 200)
  }

  @Test func item17TheDefault15SecondTimeoutAndTheRouteOnlyRaise() throws {
    let slow: [(String, F.JSON)] = [("b", ["latency": "20s"]), ("c", [:])]
    let defaults = Self.routed(
      [F.route("w", router: "r", targets: [("b-vn", 1)])], url: "http://svc.mesh.local:8080/",
      count: 1,
      servers: slow)
    #expect(defaults.count("t", status: 504, disposition: "timedOut") == 1)
    let latency = try #require(defaults.streams.first?.latency.percentile(perMille: 500))
    #expect(latency > .milliseconds(14_900) && latency < .milliseconds(15_200))
    let routeOnly = Self.routed(
      [
        F.route(
          "w", router: "r", targets: [("b-vn", 1)],
          extra: ["timeout": ["perRequest": ["value": 30, "unit": "s"]]])
      ],
      url: "http://svc.mesh.local:8080/", count: 1, servers: slow)
    #expect(routeOnly.count("t", status: 504) == 1)
  }
}
