import SimKernel
import Testing

@Suite("Simulation delay lanes")
struct DelayLaneTests {
  @Test("lane events run in the same order, with the same fingerprint, as heap events (seed sweep)")
  func sameOrderAsHeap() {
    for seed in UInt64(0)..<200 {
      let viaHeap = run(seed: seed, useLanes: false)
      let viaLanes = run(seed: seed, useLanes: true)
      #expect(viaLanes.order == viaHeap.order, "seed \(seed)")
      #expect(viaLanes.fingerprint == viaHeap.fingerprint, "seed \(seed)")
      #expect(viaLanes.processed == viaHeap.processed, "seed \(seed)")
      #expect(viaLanes.violation == nil, "seed \(seed): \(viaLanes.violation ?? "")")
    }
  }

  @Test("peekNextTime and pendingEventCount see lane events")
  func peekAndCount() {
    var simulation = Simulation<Int>()
    simulation.scheduleInLane(1, after: .nanoseconds(50))
    simulation.schedule(2, at: SimTime(nanoseconds: 70))
    #expect(simulation.pendingEventCount == 2)
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 50))
    #expect(simulation.nextEvent() == 1)
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 70))
    #expect(simulation.nextEvent() == 2)
    #expect(simulation.nextEvent() == nil)
    #expect(simulation.pendingEventCount == 0)
  }

  @Test("a lane event due after the limit waits; the event limit applies to lanes")
  func limits() {
    var simulation = Simulation<Int>(eventLimit: 1)
    simulation.scheduleInLane(1, after: .nanoseconds(10))
    simulation.scheduleInLane(2, after: .nanoseconds(10))
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 9)) == nil)
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 10)) == 1)
    #expect(simulation.nextEvent() == nil)
    #expect(simulation.stoppedAtEventLimit == true)
    #expect(simulation.pendingEventCount == 1)
  }

  @Test("more distinct delays than lanes fall back to the heap, still in order")
  func manyDelays() {
    var simulation = Simulation<Int>()
    for delay in (1...20).reversed() { simulation.scheduleInLane(delay, after: .nanoseconds(Int64(delay))) }
    var drained: [Int] = []
    while let payload = simulation.nextEvent() { drained.append(payload) }
    #expect(drained == Array(1...20))
  }
}

/// One random run that schedules a mix of random-delay events (always on the heap), urgent
/// events and events with a few shared delays (on lanes when `useLanes`), cancelling some heap
/// events, and returns what ran.
private func run(seed: UInt64, useLanes: Bool) -> (order: [Int], fingerprint: Fingerprint, processed: Int, violation: String?) {
  var random = RandomSource(seed: seed, stream: "delay-lane-sweep")
  var simulation = Simulation<Int>()
  var order: [Int] = []
  var cancellable: [EventID] = []
  let sharedDelays: [Int64] = [0, 5, 7, 30]
  var violation: String?
  for step in 0..<400 {
    switch random.nextInt(below: 10) {
    case 0..<3:
      let delay = SimDuration(nanoseconds: Int64(random.nextInt(below: 25)))
      let priority: EventPriority = random.nextInt(below: 5) == 0 ? .urgent : .normal
      cancellable.append(simulation.schedule(step, after: delay, priority: priority))
    case 3..<6:
      let delay = SimDuration(nanoseconds: sharedDelays[Int(random.nextInt(below: 4))])
      if useLanes { simulation.scheduleInLane(step, after: delay) } else { simulation.schedule(step, after: delay) }
    case 6:
      if !cancellable.isEmpty { simulation.cancel(cancellable.remove(at: Int(random.nextInt(below: UInt64(cancellable.count))))) }
    default:
      let limit = simulation.now + SimDuration(nanoseconds: Int64(random.nextInt(below: 12)))
      if let payload = simulation.nextEvent(until: limit) { order.append(payload) }
    }
    #if DEBUG
      if violation == nil { violation = simulation.invariantViolation() }
    #endif
  }
  while let payload = simulation.nextEvent() { order.append(payload) }
  return (order, simulation.fingerprint, simulation.processedEventCount, violation)
}

@Suite("Simulation delay lanes: fronts")
struct DelayLaneFrontTests {
  @Test("each lane's front takes its turn with heap events, ties broken by scheduling order")
  func frontsInterleaveWithHeapEvents() {
    var simulation = Simulation<String>()
    simulation.scheduleInLane("lane-10a", after: .nanoseconds(10))
    simulation.schedule("heap-10", at: SimTime(nanoseconds: 10))
    simulation.scheduleInLane("lane-10b", after: .nanoseconds(10))
    simulation.scheduleInLane("lane-5", after: .nanoseconds(5))
    simulation.schedule("urgent-10", at: SimTime(nanoseconds: 10), priority: .urgent)
    simulation.scheduleInLane("lane-0", after: .zero)
    #expect(simulation.pendingEventCount == 6)
    #expect(simulation.peekNextTime() == SimTime.zero)
    var drained: [String] = []
    while let payload = simulation.nextEvent() {
      drained.append(payload)
      #expect(simulation.invariantViolation() == nil)
    }
    #expect(drained == ["lane-0", "lane-5", "urgent-10", "lane-10a", "heap-10", "lane-10b"])
  }

  @Test("a lane emptied and refilled takes part again")
  func refilledLane() {
    var simulation = Simulation<Int>()
    for round in 0..<5 {
      simulation.scheduleInLane(round * 2, after: .nanoseconds(3))
      simulation.scheduleInLane(round * 2 + 1, after: .nanoseconds(3))
      #expect(simulation.pendingEventCount == 2)
      #expect(simulation.nextEvent() == round * 2)
      #expect(simulation.nextEvent() == round * 2 + 1)
      #expect(simulation.pendingEventCount == 0)
      #expect(simulation.invariantViolation() == nil)
    }
  }

  @Test("compaction may drop the front: the next entry becomes the front")
  func compactionMovesTheFront() {
    var simulation = Simulation<Int>()
    // Far events (past the timing wheel's horizon) wait in the heap and the lanes.
    let far: Int64 = 1_000_000_000
    simulation.schedule(-1, at: SimTime(nanoseconds: far + 150))
    var live = -1
    for value in 0..<1_000 {
      live = value
      simulation.scheduleInLane(value, after: .nanoseconds(far + 100), compacting: { $0 != live })
    }
    // A lane compacts when its ring (64 slots at first) is full: it never holds much more.
    #expect(simulation.pendingEventCount <= 65)
    #expect(simulation.invariantViolation() == nil)
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: far + 100))
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 != live && $0 >= 0 }) == 999)
    #expect(simulation.nextEvent() == -1)
    #expect(simulation.processedEventCount == 2)
    #expect(simulation.pendingEventCount == 0)
  }

  @Test("an event due at the end of time is seen and returned, with or without lanes in use")
  func endOfTime() {
    var simulation = Simulation<Int>()
    simulation.schedule(1, at: .distantFuture)
    #expect(simulation.peekNextTime() == .distantFuture)
    simulation.scheduleInLane(0, after: .nanoseconds(5))
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 5))
    #expect(simulation.nextEvent() == 0)
    #expect(simulation.peekNextTime() == .distantFuture)
    #expect(simulation.nextEvent() == 1)
    #expect(simulation.peekNextTime() == nil)
  }

  @Test("a lane delay that would end at the end of time or later goes to the heap; one just short of it takes a lane")
  func laneAdmissionBoundary() {
    var simulation = Simulation<Int>()
    simulation.schedule(0, at: SimTime(nanoseconds: 1_000))
    #expect(simulation.nextEvent() == 0)
    // Now 1,000 ns: `Int64.max - 1_001` ends one short of the end of time (a lane), and
    // `Int64.max - 1_000` ends exactly at it (the empty-lane marker, so the heap).
    simulation.scheduleInLane(2, after: .nanoseconds(Int64.max - 1_000))
    simulation.scheduleInLane(1, after: .nanoseconds(Int64.max - 1_001))
    simulation.scheduleInLane(3, after: .nanoseconds(7))
    #expect(simulation.pendingEventCount == 3)
    #if DEBUG
    #expect(simulation.invariantViolation() == nil)
    #endif
    #expect(simulation.nextEvent() == 3)
    #expect(simulation.now == SimTime(nanoseconds: 1_007))
    #expect(simulation.nextEvent() == 1)
    #expect(simulation.now == SimTime(nanoseconds: Int64.max - 1))
    #expect(simulation.nextEvent() == 2)
    #expect(simulation.now == .distantFuture)
    #expect(simulation.nextEvent() == nil)
  }

  @Test("a new delay never takes a lane descriptor that is not in use yet, whatever its hint says")
  func unusedDescriptorsMatchNothing() {
    // Every hint starts at lane 0, which is not a lane until the first delay opens it; each new
    // delay then opens the next lane, and events keep their order.
    var simulation = Simulation<Int>()
    for delay in 0..<Int64(Simulation<Int>.maximumLaneCountForTests) {
      simulation.scheduleInLane(Int(delay), after: .nanoseconds(delay * 7))
      #expect(simulation.invariantViolation() == nil)
    }
    simulation.scheduleInLane(-1, after: .zero)
    var drained: [Int] = []
    while let payload = simulation.nextEvent() { drained.append(payload) }
    #expect(drained == [0, -1] + Array(1..<Simulation<Int>.maximumLaneCountForTests))
  }

  @Test("delays that share a lane hint bucket still find their own lanes")
  func hintCollisions() {
    var simulation = Simulation<Int64>()
    // Sixteen delays: some share buckets of the 64-entry hint table.
    let delays = (1...Int64(Simulation<Int64>.maximumLaneCountForTests)).map { $0 * 1_000_000 }
    for round in 0..<3 {
      for delay in delays.reversed() { simulation.scheduleInLane(delay + Int64(round), after: .nanoseconds(delay)) }
    }
    var drained: [Int64] = []
    while let payload = simulation.nextEvent() { drained.append(payload) }
    #expect(drained == delays.flatMap { [$0, $0 + 1, $0 + 2] })
  }
}

@Suite("Simulation delay lanes: reuse")
struct DelayLaneReuseTests {
  @Test("an empty lane takes a new delay once every lane is in use; order is kept")
  func emptyLaneIsReused() {
    var simulation = Simulation<Int>()
    // Fill every lane, drain them, then use new delays: they reuse the empty lanes.
    for delay in 1...Simulation<Int>.maximumLaneCountForTests { simulation.scheduleInLane(delay, after: .nanoseconds(Int64(delay))) }
    while simulation.nextEvent() != nil {}
    for delay in (100...120).reversed() { simulation.scheduleInLane(delay, after: .nanoseconds(Int64(delay))) }
    var drained: [Int] = []
    while let payload = simulation.nextEvent() { drained.append(payload) }
    #expect(drained == Array(100...120))
  }
}

@Suite("Simulation delay lanes: storage")
struct DelayLaneStorageTests {
  @Test("a copied simulation has lanes of its own")
  func copiesAreIndependent() {
    var original = Simulation<String>()
    for index in 0..<40 { original.scheduleInLane("a\(index)", after: .nanoseconds(Int64(10 + index % 3))) }
    var copy = original.copy()
    #expect(copy.nextEvent() == "a0")
    copy.scheduleInLane("copy-only", after: .nanoseconds(1))
    var drainedOriginal: [String] = []
    while let payload = original.nextEvent() { drainedOriginal.append(payload) }
    #expect(drainedOriginal.count == 40)
    #expect(drainedOriginal.first == "a0")
    #expect(!drainedOriginal.contains("copy-only"))
    #expect(copy.pendingEventCount == 40)
    #expect(copy.invariantViolation() == nil)
    #expect(original.invariantViolation() == nil)
  }

  @Test("lane payloads are released exactly once: when run, dropped, compacted or left pending")
  func payloadsReleased() {
    let counter = LiveCounter()
    do {
      var simulation = Simulation<Tracked>()
      var live = Set<Int>()
      for index in 0..<300 {
        if index % 3 == 0 { live.insert(index) }
        let snapshot = live
        simulation.scheduleInLane(Tracked(index, counter), after: .nanoseconds(Int64(100 + index % 2)), compacting: { !snapshot.contains($0.value) })
        if index % 7 == 0 { _ = simulation.nextEvent(until: simulation.now + .nanoseconds(1), skipping: { !snapshot.contains($0.value) }) }
      }
      _ = simulation.nextEvent(until: SimTime(nanoseconds: 150))
      let copy = simulation.copy()
      _ = copy.pendingEventCount
      #expect(counter.live > 0)
    }
    #expect(counter.live == 0)
  }
}

/// Counts live `Tracked` instances.
private final class LiveCounter: @unchecked Sendable {
  var live = 0
}

/// A payload that counts its live instances.
private final class Tracked {
  let value: Int
  let counter: LiveCounter
  init(_ value: Int, _ counter: LiveCounter) {
    self.value = value
    self.counter = counter
    counter.live += 1
  }
  deinit { counter.live -= 1 }
}
