import SimKernel
import Testing

/// `nextEvent(until:skipping:)` and `scheduleInLane(_:after:compacting:)`: events the owner
/// declares obsolete (timeouts of finished exchanges) are dropped unrun, like cancelled ones.
@Suite("Obsolete events")
struct ObsoleteEventTests {
  @Test("obsolete events are never returned or counted, and the clock does not move to them")
  func skippedUnrun() {
    var simulation = Simulation<Int>()
    simulation.schedule(1, at: SimTime(nanoseconds: 10))
    simulation.schedule(-2, at: SimTime(nanoseconds: 20))
    simulation.scheduleInLane(-3, after: .nanoseconds(25))
    simulation.schedule(4, at: SimTime(nanoseconds: 30))
    simulation.scheduleInLane(-5, after: .nanoseconds(40))
    var seen: [(Int, Int64)] = []
    while let value = simulation.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) {
      seen.append((value, simulation.now.nanoseconds))
    }
    #expect(seen.map(\.0) == [1, 4])
    #expect(seen.map(\.1) == [10, 30])
    #expect(simulation.now == SimTime(nanoseconds: 30))
    #expect(simulation.processedEventCount == 2)
    #expect(simulation.pendingEventCount == 0)
    #expect(simulation.invariantViolation() == nil)
  }

  @Test("obsolete events do not use up the event limit")
  func eventLimit() {
    var simulation = Simulation<Int>(eventLimit: 2)
    for value in [-1, -2, 3, -4, 5, 6] { simulation.schedule(value, at: SimTime(nanoseconds: Int64(abs(value)))) }
    var seen: [Int] = []
    while let value = simulation.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) { seen.append(value) }
    #expect(seen == [3, 5])
    #expect(simulation.stoppedAtEventLimit == true)
  }

  @Test("the live events come out exactly as if the obsolete ones had never been scheduled (seed sweep)")
  func sameOrderWithoutObsolete() {
    for seed in UInt64(1)...20 {
      var random = RandomSource(seed: seed, stream: "obsolete")
      var withObsolete = Simulation<Int>()
      var liveOnly = Simulation<Int>()
      var next = 0
      var expected: [Int] = []
      var seen: [Int] = []
      // Interleave scheduling and running, so compaction happens while lanes are in use.
      for _ in 0..<400 {
        for _ in 0..<Int(random.nextInt(below: 4)) {
          next += 1
          let obsolete = random.nextInt(below: 10) < 7
          let delay = SimDuration.nanoseconds(Int64([5, 50, 500][Int(random.nextInt(below: 3))]))
          withObsolete.scheduleInLane(obsolete ? -next : next, after: delay, compacting: { $0 < 0 })
          if !obsolete { liveOnly.scheduleInLane(next, after: delay) }
        }
        if let value = withObsolete.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) { seen.append(value) }
        if let value = liveOnly.nextEvent(until: .distantFuture) { expected.append(value) }
        #expect(withObsolete.now == liveOnly.now)
      }
      while let value = withObsolete.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) { seen.append(value) }
      while let value = liveOnly.nextEvent(until: .distantFuture) { expected.append(value) }
      #expect(seen == expected, "seed \(seed)")
      #expect(withObsolete.invariantViolation() == nil)
    }
  }

  @Test("a full lane drops its obsolete entries instead of growing: memory follows the live events")
  func compactionBoundsTheLane() {
    var simulation = Simulation<Int>()
    // 100 000 timeouts armed, one live at a time (every earlier one became obsolete).
    var live = 0
    for value in 1...100_000 {
      live = value
      simulation.scheduleInLane(value, after: .seconds(300), compacting: { $0 != live })
    }
    #expect(simulation.pendingEventCount < 64)
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 != live }) == 100_000)
    #expect(simulation.invariantViolation() == nil)
  }
}
