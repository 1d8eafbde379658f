import NetworkModel
import SimKernel
import Testing

@testable import SimEngine

/// How requests travel through the client and server proxies: round robin, retries on 503 and
/// connection failure, timeouts, TLS (aws-behaviour §2.4, §7 items 25, 28, 30, 31).
@Suite struct ServiceConnectProxyBehaviorTests {
  typealias F = ServiceConnectFixture

  static func run(_ scenario: F.JSON, traces: TraceSelection = .first(60)) -> RunResult {
    SimulationRun.run(F.model(scenario), options: .init(traces: traces))
  }

  /// One server definition with a custom behaviour.
  static func server(_ behavior: F.JSON, appProtocol: String? = "http") -> F.JSON {
    var port: F.JSON = ["name": "api", "containerPort": 8080]
    if let appProtocol { port["appProtocol"] = appProtocol }
    return F.taskDefinition("server", ports: [port], behavior: behavior)
  }

  static func scenario(
    behavior: F.JSON, appProtocol: String? = "http", serverCount: Int = 1, entry: F.JSON = [:],
    count: Int = 30, rate: String = "1/s"
  ) -> F.JSON {
    F.scenario(
      services: [
        F.service(
          "orders", "server", count: serverCount,
          serviceConnect: F.server(
            discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"], extra: entry)),
        F.service("web", "caller", serviceConnect: F.client),
      ],
      traffic: [F.traffic("calls", from: "web", url: "http://orders/", count: count, rate: rate)],
      taskDefinitions: F.taskDefinitions + [server(behavior, appProtocol: appProtocol)])
  }

  /// Steps of the client proxy that picked a host, per traced request.
  static func picks(_ trace: RequestTrace) -> [TraceStep] {
    trace.steps.filter { $0.actor.hasPrefix("service-connect proxy (web") && $0.kind == .forwarded }
  }

  @Test func roundRobinVisitsEveryTaskInTurn() {
    let result = Self.run(Self.scenario(behavior: ["body": "ok"], serverCount: 3, count: 12))
    let answered = result.traces.map { $0.task ?? "-" }
    #expect(Set(answered.prefix(3)) == ["orders/1", "orders/2", "orders/3"])
    for (index, task) in answered.enumerated() { #expect(task == answered[index % 3]) }
  }

  @Test func a503IsRetriedTwiceThenPassedBack() {
    let result = Self.run(
      Self.scenario(behavior: ["status": 503], serverCount: 2, count: 3, rate: "1/10s"))
    for trace in result.traces {
      #expect(Self.picks(trace).count == 3)
      #expect(trace.status == 503)
    }
  }

  @Test func a500IsNotRetried() {
    let result = Self.run(Self.scenario(behavior: ["status": 500], count: 3, rate: "1/10s"))
    for trace in result.traces {
      #expect(Self.picks(trace).count == 1)
      #expect(trace.status == 500)
    }
  }

  @Test func aRetryTurnsA503Into200() {
    let result = Self.run(
      Self.scenario(
        behavior: ["failRatio": "1/2", "failStatus": 503], serverCount: 2, count: 60, rate: "2/s"))
    var recovered = 0
    for trace in result.traces {
      let attempts = Self.picks(trace).count
      #expect((1...3).contains(attempts))
      if trace.status == 503 { #expect(attempts == 3) }
      if trace.status == 200 && attempts > 1 { recovered += 1 }
    }
    #expect(recovered > 0)
  }

  @Test func aResetFromTheApplicationIsA503AndRetried() throws {
    // The application resets every connection: the server proxy answers 503, which is retried.
    let result = Self.run(
      Self.scenario(behavior: ["resetConnection": true], serverCount: 2, count: 2, rate: "1/10s"))
    let trace = try #require(result.traces.first)
    #expect(Self.picks(trace).count == 3)
    #expect(trace.status == 503)
    #expect(trace.disposition == "connectionRefused")
  }

  struct TimeoutCase: Sendable, CustomStringConvertible {
    var name: String
    var timeout: [String: Int]
    var appProtocol: String?
    var status: Int?
    var disposition: String
    var latencyMs: Int64
    var description: String { name }
  }

  @Test(arguments: [
    TimeoutCase(
      name: "default per-request 15 s", timeout: [:], appProtocol: "http", status: 504,
      disposition: "timedOut", latencyMs: 15000),
    TimeoutCase(
      name: "per-request 30 s", timeout: ["perRequestTimeoutSeconds": 30], appProtocol: "http",
      status: 200,
      disposition: "delivered", latencyMs: 20000),
    TimeoutCase(
      name: "idle 5 s below per-request", timeout: ["idleTimeoutSeconds": 5], appProtocol: "http",
      status: nil,
      disposition: "timedOut", latencyMs: 5000),
    TimeoutCase(
      name: "both disabled", timeout: ["idleTimeoutSeconds": 0, "perRequestTimeoutSeconds": 0],
      appProtocol: "grpc",
      status: 200, disposition: "delivered", latencyMs: 20000),
    TimeoutCase(
      name: "TCP idle default", timeout: [:], appProtocol: nil, status: 200,
      disposition: "delivered", latencyMs: 20000),
    TimeoutCase(
      name: "TCP idle 10 s", timeout: ["idleTimeoutSeconds": 10], appProtocol: nil, status: nil,
      disposition: "timedOut",
      latencyMs: 10000),
  ])
  func timeoutsEndSlowRequests(_ testCase: TimeoutCase) throws {
    let result = Self.run(
      Self.scenario(
        behavior: ["latency": "20s"], appProtocol: testCase.appProtocol,
        entry: ["timeout": testCase.timeout], count: 1))
    let trace = try #require(result.traces.first)
    #expect(trace.status == testCase.status)
    #expect(trace.disposition == testCase.disposition)
    let latency = try #require(
      trace.finishedAt.map { ($0 - trace.startedAt).nanoseconds / 1_000_000 })
    #expect(latency == testCase.latencyMs)
  }

  @Test func tlsAdmitsServiceConnectProxiesOnly() throws {
    let tls: F.JSON = [
      "issuerCertificateAuthority": [
        "awsPcaAuthorityArn": "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/abc"
      ]
    ]
    var scenario = Self.scenario(behavior: ["body": "ok"], entry: ["tls": tls], count: 1)
    scenario["traffic"] = [
      F.traffic("through-proxy", from: "web", url: "http://orders/", count: 1),
      [
        "name": "plaintext", "from": ["task": "batch/1"],
        "request": ["url": "http://{{ip:orders/1}}:8080/"], "count": 1,
      ],
    ]
    var ecs = scenario["ecs"] as! F.JSON
    ecs["tasks"] = [
      [
        "name": "batch", "taskDefinition": "caller",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": ["subnet-a"], "securityGroups": ["sg-open"]]
        ],
      ]
    ]
    scenario["ecs"] = ecs
    let result = Self.run(scenario)
    #expect(result.traces.first { $0.stream == "through-proxy" }?.status == 200)
    #expect(result.traces.first { $0.stream == "plaintext" }?.disposition == "tlsHandshakeFailed")
  }

  @Test func aNameWithoutEndpointsAnswers503() throws {
    let result = Self.run(Self.scenario(behavior: ["body": "ok"], serverCount: 0, count: 1))
    let trace = try #require(result.traces.first)
    #expect(trace.status == 503)
    #expect(trace.disposition == "noHealthyTarget")
  }

  @Test func sameSeedSameRun() {
    let scenario = Self.scenario(
      behavior: ["failRatio": "1/3", "failStatus": 503], serverCount: 3, count: 200, rate: "20/s")
    let first = Self.run(scenario, traces: .none)
    let second = Self.run(scenario, traces: .none)
    #expect(first.fingerprint == second.fingerprint)
    #expect(first.streams[0].outcomes == second.streams[0].outcomes)
  }
}

/// Health: ECS reports a failing container health check to the endpoint's Cloud Map instance,
/// which takes effect after Cloud Map's 30 s; the proxy then skips the task.
@Suite struct ServiceConnectHealthTests {
  typealias F = ServiceConnectFixture

  @Test func anUnhealthyTaskIsSkippedOnceCloudMapKnows() {
    var scenario = ServiceConnectProxyBehaviorTests.scenario(
      behavior: ["body": "ok"], serverCount: 2, count: 60)
    scenario["events"] = [["at": "10s", "failHealthChecks": ["task": "orders/1"]]]
    let result = SimulationRun.run(F.model(scenario), options: .init(traces: .first(60)))
    let late = result.traces.filter { $0.startedAt >= SimTime.zero + .seconds(41) }
    #expect(!late.isEmpty)
    #expect(late.allSatisfy { $0.task == "orders/2" })
    let early = result.traces.filter { $0.startedAt < SimTime.zero + .seconds(10) }
    #expect(Set(early.compactMap(\.task)) == ["orders/1", "orders/2"])
  }
}
