import NetworkModel
import RouteMatching
@testable import SimEngine
import SimKernel
import Testing

/// A concurrency-limited application serves each request on the first of its servers that is
/// free soonest (FIFO), and keeps each server's free time in memory it owns.
@Suite struct ApplicationServersTests {
  /// Serves `count` requests arriving at time zero on an application with `servers` servers
  /// and a fixed service time of 10 ms; returns when each server becomes free.
  static func freeTimes(servers: Int, requests count: Int) -> [SimTime]? {
    guard let world = WorldFixture.world(WorldFixture.cloudMap(tasks: 1)) else { return nil }
    var behavior = ApplicationBehavior.default
    behavior.concurrency = servers
    behavior.plan.latency = .fixed(.milliseconds(10))
    let app = world.add(ApplicationActor(name: "fifo", behavior: behavior, serviceCode: 0))
    for _ in 0..<count {
      let e = world.exchanges.open(
        request: 0, parent: -1, parentGeneration: 0, caller: 0,
        head: RequestHead(method: "GET", scheme: "http", host: "fifo", port: 80, path: "/"),
        startedAt: .zero, depth: 0, callerContext: 0)
      app.serve(e, in: world)
    }
    return Array(app.serverFreeAt)
  }

  static func ms(_ value: Int64) -> SimTime { .zero + .milliseconds(value) }

  @Test func requestsTakeTheFirstServerFreeSoonest() {
    // Two servers take the first two requests; the third waits for the first server.
    #expect(Self.freeTimes(servers: 2, requests: 3) == [Self.ms(20), Self.ms(10)])
    #expect(Self.freeTimes(servers: 3, requests: 5) == [Self.ms(20), Self.ms(20), Self.ms(10)])
    #expect(Self.freeTimes(servers: 1, requests: 3) == [Self.ms(30)])
  }

  @Test func anUnlimitedApplicationHasNoServers() {
    #expect(Self.freeTimes(servers: 0, requests: 2) == [])
  }
}
