import SimEngine
import Testing

/// A retried attempt carries the request it retries. The hop upstream of an attempt may pass the
/// attempt's head on by a move (an Envoy ingress to its application, an NLB to its target),
/// leaving the attempt's exchange the stale head of a freed slot; the Envoy keeps its own copy for
/// the retry (`UpstreamCall.retryHead`). Requests for /ping, interleaved, leave their heads in the
/// slots that exchanges reuse: a retry sent with a stale head would be answered as one of them
/// (200, "pong").
@Suite struct EnvoyRetryHeadTests {
  typealias F = AppMeshFixture

  /// b answers "pong" to /ping and fails everything else as `failing` says.
  static func servers(failing: F.JSON) -> [(String, F.JSON)] {
    var b = failing
    b["paths"] = [["prefix": "/ping", "body": "pong", "failFor": "0ms", "latency": "1ms"]]
    return [("b", b), ("c", [:])]
  }

  /// `scenario` with a stream of 2,000 requests for `url` (a /ping) alongside.
  static func withPings(_ scenario: F.JSON, url: String) -> F.JSON {
    var scenario = scenario
    var traffic = scenario["traffic"] as! [F.JSON]
    traffic.append(
      F.traffic("ping", url: url, from: ["service": "client"], count: 2000, rate: "100/s"))
    scenario["traffic"] = traffic
    return scenario
  }

  @Test func aRetryAfterA503SendsTheSameRequestAgain() {
    // Every answer but /ping's is a 503, which App Mesh's hidden default retries twice.
    let scenario = AppMeshEngineTests.scenario(
      url: "http://b.mesh.local:8080/", count: 200,
      servers: Self.servers(failing: ["failFor": "1h", "failStatus": 503]))
    let result = F.run(Self.withPings(scenario, url: "http://b.mesh.local:8080/ping"))
    #expect(result.count("ping", status: 200, body: "pong") == 2000)
    #expect(result.count("t", status: 503) == 200)
    #expect(result.count("t", body: "pong") == 0)
  }

  @Test func aRetryThroughAnNLBSendsTheSameRequestAgain() {
    // b.mesh.local is provided by virtual node nlb-vn, discovered by the DNS name of an internal
    // NLB in front of b's tasks: the NLB passes each attempt's head on to its target by a move.
    let nlbName = "b-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com"
    var scenario = AppMeshEngineTests.scenario(
      url: "http://b.mesh.local:8080/", count: 200,
      servers: Self.servers(failing: ["failFor": "1h", "failStatus": 503]))
    var appMesh = scenario["appMesh"] as! F.JSON
    appMesh["virtualNodes"] =
      (appMesh["virtualNodes"] as! [F.JSON]) + [F.node("nlb-vn", dns: nlbName)]
    appMesh["virtualServices"] = [
      F.virtualService("b.mesh.local", node: "nlb-vn"),
      F.virtualService("c.mesh.local", node: "c-vn"),
    ]
    scenario["appMesh"] = appMesh
    scenario["elb"] = [
      "loadBalancers": [
        [
          "Name": "b-nlb", "Subnets": ["subnet-a", "subnet-b"], "Scheme": "internal",
          "Type": "network", "DNSName": nlbName,
        ]
      ],
      "targetGroups": [
        ["Name": "b-tg", "Protocol": "TCP", "Port": 8080, "VpcId": "vpc-1", "TargetType": "ip"]
      ],
      "listeners": [
        [
          "LoadBalancerArn": "b-nlb", "Protocol": "TCP", "Port": 8080,
          "DefaultActions": [["Type": "forward", "TargetGroupArn": "b-tg"]],
        ]
      ],
    ]
    var ecs = scenario["ecs"] as! F.JSON
    var services = ecs["services"] as! [F.JSON]
    services[1]["loadBalancers"] = [
      ["targetGroupArn": "b-tg", "containerName": "app", "containerPort": 8080]
    ]
    ecs["services"] = services
    scenario["ecs"] = ecs
    let result = F.run(Self.withPings(scenario, url: "http://b.mesh.local:8080/ping"))
    #expect(result.count("ping", status: 200, body: "pong") == 2000)
    #expect(result.count("t", status: 503) == 200)
    #expect(result.count("t", body: "pong") == 0)
    // Every attempt went through the NLB: 2,000 pings and 3 attempts of each request for /.
    #expect(
      result.edges.contains { $0.from == "client" && $0.to == "NLB b-nlb" && $0.count == 2600 })
  }

  @Test func aRetryAfterAPerRetryTimeoutSendsTheSameRequestAgain() {
    // Every attempt at / outlives the route's 50 ms per-retry timeout while the application still
    // holds the request (and its head); the retries follow at once.
    let policy: F.JSON = [
      "retryPolicy": [
        "maxRetries": 2, "perRetryTimeout": ["value": 50, "unit": "ms"],
        "httpRetryEvents": ["gateway-error"],
      ]
    ]
    let routes = [
      F.route("ping", router: "r", priority: 0, match: ["prefix": "/ping"], targets: [("b-vn", 1)]),
      F.route("slow", router: "r", priority: 1, targets: [("b-vn", 1)], extra: policy),
    ]
    let scenario = AppMeshEngineTests.routedScenario(
      routes, url: "http://svc.mesh.local:8080/", count: 100,
      servers: Self.servers(failing: ["latency": "300ms"]))
    let result = F.run(Self.withPings(scenario, url: "http://svc.mesh.local:8080/ping"))
    #expect(result.count("ping", status: 200, body: "pong") == 2000)
    #expect(result.count("t", status: 504) == 100)
    #expect(AppMeshEngineTests.attempts(result, to: "b") == 2000 + 3 * 100)
  }
}
