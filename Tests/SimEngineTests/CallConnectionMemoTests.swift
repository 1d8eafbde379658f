import RouteMatching
@testable import SimEngine
import SimKernel
import Testing

/// `World.call` takes a remembered connection itself when the name's resolution is memoized and
/// no sidecar intercepts: the exchange must reach the callee the full connection (`leave`, then
/// `connectThroughNetwork`) would pick, with the same source and return latency.
@Suite struct CallConnectionMemoTests {
  /// What `count` calls from `frontend/1` to a name with three addresses reached; with
  /// `forgetConnections`, the network version moves before every call, so that no connection
  /// memo is current and each call works its connection out hop by hop.
  static func arrivals(count: Int, forgetConnections: Bool) throws -> [[Int64]] {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 3, ttl: 300)))
    let frontend = try #require(world.interface(of: "frontend/1"))
    let probe = world.add(Probe(name: "probe"))
    var arrivals: [[Int64]] = []
    for _ in 0..<count {
      if forgetConnections { world.network.bump() }
      let request = world.requests.open(.init(stream: 0, index: 0, startedAt: world.now, trace: -1, isOpen: true))
      let head = try #require(RequestHead(method: "GET", url: "http://backend.shop.local:8080/"))
      let e = world.call(from: frontend.index, caller: probe.id, head: head, parent: -1, request: request,
                         timeout: .seconds(2))
      let exchange = world.exchanges[e]
      arrivals.append([Int64(exchange.callee), Int64(exchange.calleeInterface), Int64(exchange.sourceAddress),
                       exchange.returnLatency.nanoseconds])
    }
    return arrivals
  }

  @Test func aRememberedConnectionArrivesAsAWorkedOutOne() throws {
    let remembered = try Self.arrivals(count: 30, forgetConnections: false)
    let workedOut = try Self.arrivals(count: 30, forgetConnections: true)
    #expect(remembered == workedOut)
    // Every call reached a listener, on all three tasks, from the frontend's address.
    #expect(remembered.allSatisfy { $0[0] >= 0 && $0[3] > 0 })
    #expect(Set(remembered.map { $0[1] }).count == 3)
  }
}
