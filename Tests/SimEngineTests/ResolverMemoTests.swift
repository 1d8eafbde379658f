import RouteMatching
@testable import SimEngine
import SimKernel
import Testing

/// `World.call` asks the resolver's memo before it opens the exchange (with the name still in
/// the request head): the fast path must pick the addresses the slow path picks, draw for draw.
@Suite struct ResolverMemoTests {
  /// The destinations of `count` calls from `frontend/1` to a name with three addresses; with
  /// `forgetMemo`, the interface's memo is cleared before every call (re-storing the same cached
  /// answer), so that each call takes the slow path through the cache.
  static func destinations(count: Int, forgetMemo: Bool) throws -> [Int32] {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 3, ttl: 300)))
    let frontend = try #require(world.interface(of: "frontend/1"))
    let probe = world.add(Probe(name: "probe"))
    var destinations: [Int32] = []
    for _ in 0..<count {
      if forgetMemo, let cached = frontend.dnsCache.lookup("backend.shop.local", at: world.now) {
        frontend.dnsCache.store("backend.shop.local", cached)
      }
      let request = world.requests.open(.init(stream: 0, index: 0, startedAt: world.now, trace: -1, isOpen: true))
      let head = try #require(RequestHead(method: "GET", url: "http://backend.shop.local:8080/"))
      let e = world.call(from: frontend.index, caller: probe.id, head: head, parent: -1, request: request,
                         timeout: .seconds(2))
      destinations.append(world.exchanges[e].calleeInterface)
    }
    return destinations
  }

  @Test func theMemoPicksAsTheCacheDoes() throws {
    let fast = try Self.destinations(count: 40, forgetMemo: false)
    let slow = try Self.destinations(count: 40, forgetMemo: true)
    #expect(fast == slow)
    // The picks are random among the three tasks, so the comparison says something.
    #expect(Set(fast).count == 3)
  }

  /// A separate host to connect to (`curl -H 'Host: …'`) is what the memo is asked about: the
  /// request head's own host is never resolved.
  @Test func aConnectHostIsResolvedInsteadOfTheHostHeader() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 1, ttl: 300)))
    let frontend = try #require(world.interface(of: "frontend/1"))
    let backend = try #require(world.interface(of: "backend/1"))
    let probe = world.add(Probe(name: "probe"))
    for _ in 0..<3 {
      let request = world.requests.open(.init(stream: 0, index: 0, startedAt: world.now, trace: -1, isOpen: true))
      let head = try #require(RequestHead(method: "GET", url: "http://api.example.invalid:8080/"))
      let e = world.call(from: frontend.index, caller: probe.id, head: head, parent: -1, request: request,
                         timeout: .seconds(2), connectHost: "backend.shop.local")
      #expect(world.exchanges[e].calleeInterface == backend.index)
      #expect(world.exchanges[e].head.host == "api.example.invalid")
    }
  }
}
