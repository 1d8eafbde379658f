import SimKernel
import Testing

/// A full lane drops the entries its owner says are obsolete before it grows
/// (`DelayLane.makeRoom`): these tests hold that to a reference model (a sorted list) and to its
/// memory bound, also when a live entry lingers at the front or in the middle of a lane.
@Suite("Simulation delay lanes: compaction")
struct DelayLaneCompactionTests {
  @Test("lanes that compact return the live events in the order a sorted list does (seed sweep)")
  func matchesSortedReference() {
    for seed in UInt64(0)..<25 {
      let outcome = compare(seed: seed)
      #expect(outcome.kernel == outcome.reference, "seed \(seed)")
      #expect(outcome.violation == nil, "seed \(seed): \(outcome.violation ?? "")")
      #expect(outcome.compactions > 0, "seed \(seed): no lane filled, the sweep tests nothing")
    }
  }

  @Test("a live entry lingering at a lane's front does not make the lane grow with obsolete ones")
  func lingeringFrontKeepsMemoryBounded() {
    var simulation = Simulation<Int>()
    // Entry 0 stays live; every later entry is obsolete as soon as it is scheduled, so the
    // obsolete entries all sit behind a live front.
    for value in 0..<10_000 {
      simulation.scheduleInLane(value, after: .seconds(2), compacting: { $0 != 0 })
      // The first ring has 64 slots: compaction, not growth, makes room.
      #expect(simulation.pendingEventCount <= 64, "after \(value + 1) entries")
    }
    #expect(simulation.invariantViolation() == nil)
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 != 0 }) == 0)
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 != 0 }) == nil)
  }

  @Test("a live entry lingering mid-lane: the obsolete entries around it are dropped, order kept")
  func lingeringMiddle() {
    var simulation = Simulation<Int>()
    // 0..<40 obsolete, 40 live, everything after it obsolete except multiples of 100.
    let isObsolete: (Int) -> Bool = { $0 != 40 && !($0 > 40 && $0 % 100 == 0) }
    for value in 0..<1_000 {
      simulation.scheduleInLane(value, after: .seconds(2), compacting: isObsolete)
      #expect(simulation.pendingEventCount <= 64, "after \(value + 1) entries")
    }
    #expect(simulation.invariantViolation() == nil)
    var order: [Int] = []
    while let value = simulation.nextEvent(until: .distantFuture, skipping: isObsolete) { order.append(value) }
    #expect(order == [40] + Array(stride(from: 100, to: 1_000, by: 100)))
  }
}

/// Schedules far lane events with three delays, marks events obsolete mostly oldest first (as
/// exchanges close) but some only much later (a long-lived exchange), pops now and then, and
/// returns the live events the kernel ran next to those a sorted list of `(time, sequence)`
/// gives, with how often a lane filled up.
private func compare(seed: UInt64) -> (kernel: [Int], reference: [Int], violation: String?, compactions: Int) {
  var random = RandomSource(seed: seed, stream: "delay-lane-compaction")
  var simulation = Simulation<Int>()
  // Beyond the timing wheel's horizon: these take lanes.
  let delays: [Int64] = [1_000_000_000, 1_000_000_003, 2_000_000_000]
  var obsolete: [Bool] = []
  var pending: [(time: Int64, sequence: Int, value: Int)] = []
  var kernel: [Int] = []
  var reference: [Int] = []
  var violation: String?
  var oldestUnmarked = 0
  var compactions = 0
  var lastCount = 0
  for _ in 0..<3_000 {
    switch random.nextInt(below: 20) {
    case 0..<12:
      let value = obsolete.count
      obsolete.append(false)
      let delay = delays[Int(random.nextInt(below: UInt64(delays.count)))]
      pending.append((simulation.now.nanoseconds + delay, value, value))
      simulation.scheduleInLane(value, after: .nanoseconds(delay), compacting: { obsolete[$0] })
      let count = simulation.pendingEventCount
      if count < lastCount + 1 { compactions += 1 }
      lastCount = count
    case 12..<18:
      // Close the oldest open exchange, except now and then one that lingers.
      while oldestUnmarked < obsolete.count && obsolete[oldestUnmarked] { oldestUnmarked += 1 }
      if oldestUnmarked < obsolete.count && random.nextInt(below: 25) != 0 { obsolete[oldestUnmarked] = true }
      if !obsolete.isEmpty { obsolete[Int(random.nextInt(below: UInt64(obsolete.count)))] = true }
    default:
      let limit = simulation.now + SimDuration(nanoseconds: Int64(random.nextInt(below: 1_500_000_000)))
      if let value = simulation.nextEvent(until: limit, skipping: { obsolete[$0] }) { kernel.append(value) }
      pending.removeAll { obsolete[$0.value] }
      if let next = pending.indices.min(by: { (pending[$0].time, pending[$0].sequence) < (pending[$1].time, pending[$1].sequence) }),
        pending[next].time <= limit.nanoseconds
      {
        reference.append(pending.remove(at: next).value)
      }
      lastCount = simulation.pendingEventCount
    }
    #if DEBUG
      if violation == nil { violation = simulation.invariantViolation() }
    #endif
  }
  while let value = simulation.nextEvent(until: .distantFuture, skipping: { obsolete[$0] }) { kernel.append(value) }
  pending.removeAll { obsolete[$0.value] }
  reference += pending.sorted { ($0.time, $0.sequence) < ($1.time, $1.sequence) }.map(\.value)
  return (kernel, reference, violation, compactions)
}
