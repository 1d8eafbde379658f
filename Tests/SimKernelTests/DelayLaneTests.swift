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
    #expect(simulation.stoppedAtEventLimit)
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
