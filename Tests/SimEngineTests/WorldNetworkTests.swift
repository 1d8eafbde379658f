import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// Where a connection ends, from the world's `call` verb: delivered, dropped (the caller learns
/// at its timeout), refused at once, or cut by the hop limit.
@Suite struct WorldNetworkTests {
  static let text = WorldFixture.scenario(securityGroups: """
    [{ "GroupId": "sg-closed", "IpPermissions": [] }]
    """, """
    "ecs": {
      "taskDefinitions": [
        { "family": "app", "containerDefinitions": [{ "name": "app", "portMappings": [{ "containerPort": 8080 }], "behavior": { "latency": "1ms" } }] },
        { "family": "loop", "containerDefinitions": [{ "name": "loop", "portMappings": [{ "containerPort": 80 }], "behavior": { "proxyPass": "http://{{ip:loop/1}}:80" } }] }
      ],
      "services": [
        { "serviceName": "app", "taskDefinition": "app", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } },
        { "serviceName": "closed", "taskDefinition": "app", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-b"], "securityGroups": ["sg-closed"] } } },
        { "serviceName": "loop", "taskDefinition": "loop", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }
      ]
    },
    "clients": [{ "name": "host", "subnet": "subnet-a" }],
    "simulation": { "hopLimit": 5 }
    """)

  struct Case: CustomTestStringConvertible, Sendable {
    let url: String
    let disposition: Disposition
    var status = 0
    /// Milliseconds from sending to the answer (network hops add fractions of a millisecond).
    let latencyMs: Int64
    var slackMs: Int64 = 1
    var testDescription: String { url }
  }

  static let cases: [Case] = [
    Case(url: "http://{{ip:app/1}}:8080/", disposition: .delivered, status: 200, latencyMs: 1),
    Case(url: "http://{{ip:app/1}}:9090/", disposition: .connectionRefused, latencyMs: 0),
    Case(url: "http://{{ip:closed/1}}:8080/", disposition: .deniedBySecurityGroupIngress, latencyMs: 2000),
    Case(url: "http://10.0.1.250:8080/", disposition: .hostUnreachable, latencyMs: 2000),
    Case(url: "http://10.9.0.1:8080/", disposition: .noRouteToHost, latencyMs: 2000),
    Case(url: "http://nothing.example/", disposition: .dnsNameNotFound, latencyMs: 2),
    // Six hops of 1 ms work each (hop limit 5), then the 502s travel back.
    Case(url: "http://{{ip:loop/1}}:80/", disposition: .hopLimitExceeded, status: 502, latencyMs: 6, slackMs: 4),
  ]

  @Test(arguments: cases)
  func dispositionAndLatency(_ testCase: Case) throws {
    let world = try #require(WorldFixture.world(Self.text))
    let probe = world.add(Probe(name: "probe"))
    probe.send(testCase.url, from: world.clientInterfaces[0], timeout: .seconds(2), in: world)
    world.advance(to: SimTime.zero + .seconds(10))
    let received = try #require(probe.received.first)
    #expect(probe.received.count == 1)
    #expect(received.response.disposition == testCase.disposition)
    #expect(received.response.status == testCase.status)
    let latency = received.at - SimTime.zero
    #expect(latency >= .milliseconds(testCase.latencyMs) && latency < .milliseconds(testCase.latencyMs + testCase.slackMs),
            "\(latency)")
  }

  @Test func aStoppedTaskRefusesWhileStoppingIsServedThenVanishes() throws {
    let world = try #require(WorldFixture.world(Self.text))
    let probe = world.add(Probe(name: "probe"))
    let app = try #require(world.task("app/1"))
    world.ecs.stop(app, in: world, reason: "test")
    probe.send("http://{{ip:app/1}}:8080/", from: world.clientInterfaces[0], in: world)
    world.advance(to: SimTime.zero + .seconds(1))
    #expect(probe.received.last?.response.disposition == .delivered, "a STOPPING task still serves")
    world.advanceClock(to: SimTime.zero + .seconds(3))
    probe.send("http://{{ip:app/1}}:8080/", from: world.clientInterfaces[0], in: world)
    world.advance(to: SimTime.zero + .seconds(10))
    #expect(probe.received.last?.response.disposition == .hostUnreachable)
    #expect(probe.received.last?.at == SimTime.zero + .seconds(5))
  }
}
