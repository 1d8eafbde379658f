import NetworkModel
import SimEngine
import SimKernel
import Testing

/// Outlier detection by discovery kind, interception bypasses, connection pools, canary updates
/// and the gateway trace (AWS behaviour §7 items 18, 19, 23; §1.5).
@Suite struct AppMeshEngineMoreTests {
  typealias F = AppMeshFixture

  /// `client` calls `pool.mesh.local` through node `pool-vn`, discovered by `discovery`;
  /// services `good` and `bad` (always 500) both register in Cloud Map `pool`.
  static func outlierScenario(discovery: F.JSON) -> F.JSON {
    var pool = F.node(
      "pool-vn", service: "pool",
      listener: [
        "outlierDetection": [
          "maxServerErrors": 3, "maxEjectionPercent": 100, "interval": ["value": 10, "unit": "s"],
          "baseEjectionDuration": ["value": 30, "unit": "s"],
        ]
      ])
    var spec = pool["spec"] as! F.JSON
    spec["serviceDiscovery"] = discovery
    pool["spec"] = spec
    return F.scenario(
      appMesh: [
        "virtualNodes": [
          F.node("client-vn", service: "client", backends: ["pool.mesh.local"]), pool,
        ],
        "virtualServices": [F.virtualService("pool.mesh.local", node: "pool-vn")],
      ],
      taskDefinitions: [
        F.task("client", node: "client-vn"),
        F.task("good", node: "pool-vn", behavior: ["body": "good"]),
        F.task("bad", node: "pool-vn", behavior: ["status": 500]),
      ],
      services: [
        F.service("client", "client"), F.service("good", "good", registry: "pool"),
        F.service("bad", "bad", registry: "pool"),
      ],
      traffic: [
        F.traffic("t", url: "http://pool.mesh.local:8080/", from: ["service": "client"], count: 100)
      ])
  }

  @Test func item18CloudMapDiscoveryEjectsTheFailingHost() {
    let result = F.run(
      Self.outlierScenario(discovery: [
        "awsCloudMap": ["namespaceName": "mesh.local", "serviceName": "pool"]
      ]))
    #expect(result.count("t", status: 500) == 3)
    #expect(result.count("t", status: 200) == 97)
  }

  @Test func item18DNSDiscoveryPinsOneAddressSoNothingIsEjected() {
    // pool.mesh.local resolves to both tasks, but Envoy keeps one address of the answer for its
    // TTL: every request goes to that one host, and ejecting it would leave no other (panic).
    for seed in 1...4 {
      var scenario = Self.outlierScenario(discovery: ["dns": ["hostname": "pool.mesh.local"]])
      scenario["seed"] = seed
      let result = F.run(scenario)
      #expect(result.count("t", status: 500) == 100 || result.count("t", status: 200) == 100)
    }
  }

  static func interception(ignoredPorts: [Int], url: String) -> RunResult {
    F.run(
      F.scenario(
        appMesh: ["virtualNodes": [F.node("client-vn", service: "client")]],
        taskDefinitions: [F.task("client", node: "client-vn", ignoredPorts: ignoredPorts)],
        services: [F.service("client", "client")],
        traffic: [F.traffic("t", url: url, from: ["service": "client"], count: 5)],
        external: [
          [
            "name": "efs", "hostname": "fs-1.efs.example.internal", "subnet": "subnet-a",
            "ports": [2049, 22],
            "securityGroups": ["sg-open"], "behavior": ["body": "nfs"],
          ]
        ]))
  }

  @Test func item23IgnoredPortsAndPort22BypassEnvoy() {
    #expect(
      Self.interception(ignoredPorts: [], url: "tcp://fs-1.efs.example.internal:2049").count(
        "t", disposition: "deniedByMeshEgressFilter") == 5)
    #expect(
      Self.interception(ignoredPorts: [2049], url: "tcp://fs-1.efs.example.internal:2049").count(
        "t", status: 200, service: "efs") == 5)
    #expect(
      Self.interception(ignoredPorts: [], url: "tcp://fs-1.efs.example.internal:22").count(
        "t", status: 200, service: "efs") == 5)
  }

  @Test func aConnectionPoolOverflowIs503() {
    let node = F.node(
      "slow-vn", service: "slow",
      listener: ["connectionPool": ["http": ["maxConnections": 2, "maxPendingRequests": 1]]])
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [node]],
      taskDefinitions: [
        F.task("slow", node: "slow-vn", behavior: ["body": "slow", "latency": "1s"])
      ],
      services: [F.service("slow", "slow")],
      traffic: [F.traffic("t", url: "http://slow.mesh.local:8080/", count: 10, rate: "100/s")])
    let result = F.run(scenario)
    #expect(result.count("t", status: 200) == 3)
    #expect(result.count("t", status: 503, disposition: "overflow") == 7)
  }

  /// A virtual gateway whose connection pool holds one request at a time queues the rest and
  /// routes each when a slot frees (`VirtualGatewayActor.route`): a queued request with a head the
  /// gateway has decided before is sent as its decision memo says, one with a new head (the
  /// second stream's first requests) is decided afresh; either way every request is answered by
  /// a router target, and the queue shows in the latency.
  @Test func aGatewayConnectionPoolQueuesRequestsAndRoutesThemWhenASlotFrees() {
    let listener: F.JSON = [
      "portMapping": ["port": 9080, "protocol": "http"],
      "connectionPool": ["http": ["maxConnections": 1, "maxPendingRequests": 100]],
    ]
    let scenario = colorGatewayScenario(
      listener: listener, behavior: ["latency": "100ms"],
      traffic: [
        F.traffic("a", url: "http://gw.mesh.local:9080/color/tell", count: 6, rate: "100/s"),
        F.traffic("b", url: "http://gw.mesh.local:9080/color/tell/more", count: 6, rate: "100/s", start: "25ms"),
      ])
    let result = F.run(scenario)
    for stream in ["a", "b"] {
      #expect(result.count(stream, status: 200) == 6)
      #expect(result.count(stream, service: "white") + result.count(stream, service: "blue") == 6)
    }
    // Twelve requests of 100 ms each, one at a time: the last waits behind most of the others.
    let slowest = result.streams.map { $0.latency.max }.max() ?? .zero
    #expect(slowest > .milliseconds(900))
  }

  @Test func aRouteUpdateShiftsACanaryMidRun() {
    func route(_ b: Int, _ c: Int) -> F.JSON {
      F.route("w", router: "r", targets: [("b-vn", b), ("c-vn", c)])
    }
    let scenario = F.scenario(
      appMesh: [
        "virtualNodes": [
          F.node("client-vn", service: "client", backends: ["b.mesh.local"]),
          F.node("b-vn", service: "b"),
          F.node("c-vn", service: "c"),
        ],
        "virtualRouters": [F.router("r")], "routes": [route(100, 0)],
        "virtualServices": [F.virtualService("b.mesh.local", router: "r")],
      ],
      taskDefinitions: [
        F.task("client", node: "client-vn"), F.task("b", node: "b-vn"), F.task("c", node: "c-vn"),
      ],
      services: [F.service("client", "client"), F.service("b", "b"), F.service("c", "c")],
      traffic: [
        F.traffic(
          "before", url: "http://b.mesh.local:8080/", from: ["service": "client"], count: 50),
        F.traffic(
          "after", url: "http://b.mesh.local:8080/", from: ["service": "client"], count: 50,
          start: "10s"),
      ],
      events: [["at": "6s", "updateRoute": route(0, 100)]])
    let result = F.run(scenario)
    #expect(result.count("before", service: "b") == 50)
    #expect(result.count("after", service: "c") == 50)
  }

  @Test func explainThroughTheGatewayShowsEveryDecision() throws {
    let scenario = colorGatewayScenario(
      listener: ["portMapping": ["port": 9080, "protocol": "http"]], behavior: [:],
      traffic: [F.traffic("t", url: "http://gw.mesh.local:9080/color/tell", count: 1)])
    let result = SimulationRun.run(
      F.model(scenario), options: .init(traces: .request(stream: 0, index: 0)))
    let trace = try #require(result.traces.first)
    let text = trace.steps.map { "\($0.actor): \($0.detail)" }.joined(separator: "\n")
    #expect(text.contains("gateway route to-color"))
    #expect(text.contains("path /color/tell → /tell"))
    #expect(text.contains("Host gw.mesh.local → color.mesh.local"))
    #expect(text.contains("route tell (no priority): matched"))
    #expect(text.contains("weighted pick"))
    #expect(text.contains("envoy gw/1 virtual gateway :9080"))
    #expect(text.contains("ingress :15000"))
    #expect(trace.status == 200)
    #expect(trace.task == "white/1" || trace.task == "blue/1")
  }

  /// A virtual gateway `gw` with one listener, whose gateway route sends `/color` to
  /// `color.mesh.local`: a router splitting `/tell` 1:1 between the white and blue virtual nodes,
  /// whose tasks behave as `behavior` says.
  private func colorGatewayScenario(listener: F.JSON, behavior: F.JSON, traffic: [F.JSON]) -> F.JSON {
    let gateway: F.JSON = [
      "meshName": "m", "virtualGatewayName": "gw", "spec": ["listeners": [listener]],
    ]
    let gatewayRoute: F.JSON = [
      "meshName": "m", "virtualGatewayName": "gw", "gatewayRouteName": "to-color",
      "spec": [
        "httpRoute": [
          "match": ["prefix": "/color"],
          "action": ["target": ["virtualService": ["virtualServiceName": "color.mesh.local"]]],
        ]
      ],
    ]
    return F.scenario(
      appMesh: [
        "virtualNodes": [F.node("white-vn", service: "white"), F.node("blue-vn", service: "blue")],
        "virtualRouters": [F.router("r")],
        "routes": [
          F.route(
            "tell", router: "r", match: ["prefix": "/tell"],
            targets: [("white-vn", 1), ("blue-vn", 1)])
        ],
        "virtualServices": [F.virtualService("color.mesh.local", router: "r")],
        "virtualGateways": [gateway], "gatewayRoutes": [gatewayRoute],
      ],
      taskDefinitions: [
        F.task("white", node: "white-vn", behavior: behavior), F.task("blue", node: "blue-vn", behavior: behavior),
        F.gatewayTask("gw", gateway: "gw", ports: [9080]),
      ],
      services: [F.service("white", "white"), F.service("blue", "blue"), F.service("gw", "gw")],
      traffic: traffic)
  }
}
