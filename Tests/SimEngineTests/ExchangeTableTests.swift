import RouteMatching
@testable import SimEngine
import SimKernel
import Testing

/// Exchanges live in a reused slab; generations make late events and timers for a reused slot
/// harmless.
@Suite struct ExchangeTableTests {
  static func exchange(request: Int32 = 0) -> Exchange {
    Exchange(
      generation: 0, isOpen: true, answered: false, depth: 0, caller: 0, callee: -1, request: request, parent: -1,
      parentGeneration: 0, head: RequestHead(method: "GET", url: "http://example.com/")!, startedAt: .zero, step: 0,
      calleeContext: 0, callerContext: 0, pendingFailure: nil,
      response: .failure(.notCompleted), returnLatency: .zero, sourceAddress: 0, calleeInterface: -1)
  }

  /// The fields the event loop reads for every event (the obsolete test, dispatch, `World.reply`)
  /// are the slot's first 16 bytes, so one cache line (see `Exchange`).
  @Test func eventLoopFieldsComeFirst() {
    let offsets = [
      MemoryLayout<Exchange>.offset(of: \.generation)!, MemoryLayout<Exchange>.offset(of: \.isOpen)!,
      MemoryLayout<Exchange>.offset(of: \.answered)!, MemoryLayout<Exchange>.offset(of: \.depth)!,
      MemoryLayout<Exchange>.offset(of: \.caller)!, MemoryLayout<Exchange>.offset(of: \.callee)!,
    ]
    #expect(offsets.allSatisfy { $0 < 16 })
  }

  @Test func reusedSlotsGetANewGeneration() {
    var table = ExchangeTable()
    let first = table.allocate(Self.exchange())
    let generation = table[first].generation
    table.release(first)
    #expect(table.liveCount == 0)
    let second = table.allocate(Self.exchange(request: 7))
    #expect(second == first)
    #expect(table[second].generation == generation &+ 1)
    #expect(table[second].request == 7)
    let third = table.allocate(Self.exchange())
    #expect(third != second)
    #expect(table.liveCount == 2)
  }

  @Test func openRewritesAFreedSlotAsANewExchange() {
    var table = ExchangeTable()
    let head = RequestHead(method: "GET", url: "http://example.com/a")!
    let first = table.open(request: 1, parent: -1, parentGeneration: 0, caller: 2, head: head, startedAt: .zero, depth: 0,
                           callerContext: 5)
    let slot = table.slot(first)
    slot.pointee.callee = 9
    slot.pointee.step = 3
    slot.pointee.calleeContext = 4
    slot.pointee.answered = true
    slot.pointee.pendingFailure = .failure(.hostUnreachable)
    slot.pointee.returnLatency = .milliseconds(1)
    slot.pointee.sourceAddress = 77
    slot.pointee.calleeInterface = 6
    let generation = slot.pointee.generation
    table.release(first)
    let second = table.open(request: 3, parent: 8, parentGeneration: 11, caller: 4,
                            head: RequestHead(method: "POST", url: "http://example.com/b")!,
                            startedAt: SimTime(nanoseconds: 42), depth: 2, callerContext: 6)
    #expect(second == first)
    let reopened = table[second]
    #expect(reopened.generation == generation &+ 1)
    #expect(reopened.request == 3 && reopened.parent == 8 && reopened.parentGeneration == 11 && reopened.caller == 4)
    #expect(reopened.head.method == "POST" && reopened.head.path == "/b")
    #expect(reopened.startedAt == SimTime(nanoseconds: 42) && reopened.depth == 2 && reopened.callerContext == 6)
    #expect(reopened.callee == -1 && reopened.step == 0 && reopened.calleeContext == 0)
    #expect(reopened.isOpen && !reopened.answered && reopened.pendingFailure == nil)
    #expect(reopened.returnLatency == .zero && reopened.sourceAddress == 0 && reopened.calleeInterface == -1)
  }

  @Test func openTakingTheParentsHeadMovesItIntoAFreedSlot() {
    var table = ExchangeTable()
    let original = RequestHead(method: "GET", url: "http://example.com/forwarded?x=1")!
    let stale = RequestHead(method: "PUT", url: "http://example.com/stale")!
    let parent = table.open(request: 1, parent: -1, parentGeneration: 0, caller: 2, head: original, startedAt: .zero,
                            depth: 0, callerContext: 0)
    let freed = table.open(request: 1, parent: -1, parentGeneration: 0, caller: 2, head: stale, startedAt: .zero,
                           depth: 0, callerContext: 0)
    table.release(freed)
    let child = table.open(request: 1, takingHeadOf: parent, parentGeneration: table[parent].generation, caller: 3,
                           startedAt: SimTime(nanoseconds: 5), depth: 1, callerContext: 8)
    #expect(child == freed)
    #expect(table[child].head == original && table[child].head.sharesParts(with: original))
    #expect(table[child].parent == parent && table[child].caller == 3 && table[child].depth == 1)
    #expect(table[child].isOpen && !table[child].answered && table[child].callee == -1)
    // The parent is left with the freed slot's stale head: no reference count changed.
    #expect(table[parent].head.sharesParts(with: stale))
  }

  @Test func openTakingTheParentsHeadCopiesItWhenNoSlotIsFree() {
    var table = ExchangeTable()
    let original = RequestHead(method: "GET", url: "http://example.com/copied")!
    let parent = table.open(request: 1, parent: -1, parentGeneration: 0, caller: 2, head: original, startedAt: .zero,
                            depth: 0, callerContext: 0)
    let child = table.open(request: 1, takingHeadOf: parent, parentGeneration: table[parent].generation, caller: 3,
                           startedAt: .zero, depth: 1, callerContext: 0)
    #expect(child != parent)
    #expect(table[child].head == original)
    #expect(table[parent].head == original, "a new slot has no stale head to swap: the head is copied")
    #expect(table.liveCount == 2)
  }

  @Test(arguments: [
    (1, Int32(0), UInt32(0)), (127, Int32.max, UInt32(0xFF_FFFF)), (5, Int32(123_456), UInt32(0x1234_5678)),
  ])
  func timerTagsRoundTrip(_ kind: Int, _ exchange: Int32, _ generation: UInt32) {
    let tag = TimerTag(kind: kind, exchange: exchange, generation: generation)
    let decoded = TimerTag(tag.raw)
    #expect(decoded == tag)
    #expect(decoded.kind == kind && decoded.exchange == exchange)
    #expect(decoded.generation == generation & 0xFF_FFFF)
  }

  @Test func aTimerForAReusedExchangeIsNotCurrent() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 1)))
    let e = world.exchanges.allocate(Self.exchange())
    let tag = TimerTag(kind: 1, exchange: e, generation: world.exchanges[e].generation)
    #expect(tag.isCurrent(in: world))
    world.exchanges[e].answered = true
    #expect(!tag.isCurrent(in: world), "an answered exchange takes no more timers")
    world.exchanges.release(e)
    let reused = world.exchanges.allocate(Self.exchange())
    #expect(reused == e)
    #expect(!tag.isCurrent(in: world), "the new occupant of the slot is another exchange")
    #expect(TimerTag(kind: 1, exchange: reused, generation: world.exchanges[reused].generation).isCurrent(in: world))
  }

  @Test func lateResponsesForAReusedExchangeAreIgnored() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 1)))
    let probe = world.add(Probe(name: "probe"))
    let frontend = try #require(world.interface(of: "frontend/1"))
    probe.send("http://backend.shop.local:8080/", from: frontend.index, timeout: .milliseconds(1), in: world)
    world.advance(to: SimTime.zero + .seconds(5))
    #expect(probe.received.count == 1, "the timeout closed the exchange; the late answer is dropped")
    #expect(probe.received.first?.response.disposition == .timedOut)
    #expect(probe.received.first?.at == SimTime.zero + .milliseconds(1))
    #expect(world.exchanges.liveCount == 0)
  }
}
