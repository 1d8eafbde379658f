@testable import SimEngine
import SimKernel
import Testing

/// A client's DNS cache keeps an answer for exactly its TTL (aws-behaviour §4.7, §7 #45).
@Suite struct DNSCacheTests {
  @Test func answersUntilJustBeforeExpiry() {
    var cache = DNSCache()
    let stored = SimTime.zero + .seconds(10)
    cache.store("backend.shop.local", .init(addresses: [1, 2], expires: stored + .seconds(60), source: "test"))
    #expect(cache.lookup("backend.shop.local", at: stored)?.addresses == [1, 2])
    #expect(cache.lookup("backend.shop.local", at: stored + .seconds(60) - .nanoseconds(1)) != nil)
    #expect(cache.lookup("backend.shop.local", at: stored + .seconds(60)) == nil)
    #expect(cache.lookup("other.shop.local", at: stored) == nil)
  }

  @Test func aNewAnswerReplacesTheOld() {
    var cache = DNSCache()
    cache.store("a", .init(addresses: [1], expires: SimTime.zero + .seconds(5), source: "first"))
    cache.store("a", .init(addresses: [2], expires: SimTime.zero + .seconds(50), source: "second"))
    #expect(cache.lookup("a", at: SimTime.zero + .seconds(10))?.addresses == [2])
  }

  @Test func ttlZeroIsNeverReused() {
    var cache = DNSCache()
    cache.store("a", .init(addresses: [1], expires: SimTime.zero + .seconds(3), source: "ttl 0"))
    #expect(cache.lookup("a", at: SimTime.zero + .seconds(3)) == nil)
  }

  /// The world resolves through the interface's cache: a scale-out is invisible until expiry.
  @Test func worldReusesTheCachedAnswerUntilTheTTL() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 1, ttl: 30)))
    let frontend = try #require(world.interface(of: "frontend/1"))
    let probe = world.add(Probe(name: "probe"))
    probe.send("http://backend.shop.local:8080/", from: frontend.index, in: world)
    world.advance(to: SimTime.zero + .seconds(1))
    world.ecs.scale(service: 1, to: 3, in: world)
    world.advanceClock(to: SimTime.zero + .seconds(25))
    #expect(world.ecs.runningTasks(of: 1).count == 3)
    let cached = try #require(frontend.dnsCache.lookup("backend.shop.local", at: world.now))
    #expect(cached.addresses.count == 1)
    #expect(cached.expires == SimTime.zero + .seconds(30))
    world.advanceClock(to: SimTime.zero + .seconds(30))
    probe.send("http://backend.shop.local:8080/", from: frontend.index, in: world)
    #expect(frontend.dnsCache.lookup("backend.shop.local", at: world.now)?.addresses.count == 3)
  }
}
