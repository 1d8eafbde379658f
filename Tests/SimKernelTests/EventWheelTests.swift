import SimKernel
import Testing

/// The wheel's horizon: 4096 buckets of 2^14 ns.
private let wheelTurn: Int64 = 4096 << 14

/// The timing wheel of near-future events (`EventWheel`) and its hand-over with the far
/// structures (heap, delay lanes): events come out in `EventKey` order whichever structure
/// holds them, checked against a sorted reference.
@Suite("Simulation timing wheel")
struct EventWheelTests {
  static let turn = wheelTurn

  @Test("random schedules, lanes, cancellations and obsolete drops match a sorted reference across the horizon (seed sweep)")
  func randomSweepAgainstReference() {
    for seed in UInt64(0)..<120 {
      if let failure = wheelSweep(seed: seed) {
        Issue.record("seed \(seed): \(failure)")
        return
      }
    }
  }

  @Test(
    "events on both sides of the horizon, equal times and priorities run in EventKey order",
    arguments: [
      // (delays in ns from zero, urgent?, via lane?) in scheduling order; expected order by index.
      [(wheelTurn - 1, false, false), (wheelTurn, false, false), (wheelTurn - 1, true, false), (wheelTurn, true, true)],
      [(5, false, true), (5, true, false), (5, false, false), (0, false, true), (5, true, false)],
      [(wheelTurn + (1 << 14), false, true), (wheelTurn - (1 << 14), false, true), (wheelTurn + (1 << 14), true, false), (3 * wheelTurn, false, false)],
      [(1 << 14, false, false), ((1 << 14) - 1, false, false), (1 << 14, false, true), (2 << 14, true, true)],
    ] as [[(Int64, Bool, Bool)]])
  func horizonTable(_ events: [(Int64, Bool, Bool)]) {
    var simulation = Simulation<Int>()
    for (index, (delay, urgent, lane)) in events.enumerated() {
      if lane && !urgent {
        simulation.scheduleInLane(index, after: .nanoseconds(delay))
      } else {
        simulation.schedule(index, at: SimTime(nanoseconds: delay), priority: urgent ? .urgent : .normal)
      }
    }
    let expected = events.indices.sorted {
      let (a, b) = (events[$0], events[$1])
      if a.0 != b.0 { return a.0 < b.0 }
      if a.1 != b.1 { return a.1 }  // urgent first
      return $0 < $1
    }
    var drained: [Int] = []
    while let payload = simulation.nextEvent() {
      drained.append(payload)
      #expect(simulation.now == SimTime(nanoseconds: events[payload].0))
      #if DEBUG
        #expect(simulation.invariantViolation() == nil)
      #endif
    }
    #expect(drained == expected)
  }

  @Test("cancelling a wheel event: the earliest, one inside a bucket, the last of a bucket; stale IDs do nothing")
  func cancelInWheel() {
    var simulation = Simulation<Int>()
    let a = simulation.schedule(0, at: SimTime(nanoseconds: 100))
    let b = simulation.schedule(1, at: SimTime(nanoseconds: 200))
    let c = simulation.schedule(2, at: SimTime(nanoseconds: 300))
    let d = simulation.schedule(3, at: SimTime(nanoseconds: 1 << 20))
    simulation.cancel(a)  // the earliest
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 200))
    simulation.cancel(c)  // the last of its bucket
    simulation.cancel(c)  // again: nothing
    #expect(simulation.pendingEventCount == 2)
    #if DEBUG
      #expect(simulation.invariantViolation() == nil)
    #endif
    let e = simulation.schedule(4, at: SimTime(nanoseconds: 250))  // reuses a freed node
    simulation.cancel(a)  // stale ID of the reused node: nothing
    simulation.cancel(b)  // now inside a bucket, ahead of e
    #expect(simulation.pendingEventCount == 2)
    #expect(simulation.nextEvent() == 4)
    simulation.cancel(e)  // already ran: nothing
    simulation.cancel(d)  // the last event: the wheel is empty
    #expect(simulation.pendingEventCount == 0)
    #expect(simulation.peekNextTime() == nil)
    #expect(simulation.nextEvent() == nil)
    #if DEBUG
      #expect(simulation.invariantViolation() == nil)
    #endif
  }

  @Test("a burst due at one time (health checks of many targets) comes out in scheduling order, also after its last event is cancelled and more join it, and among earlier and later events of its bucket")
  func burstAtOneTime() {
    var simulation = Simulation<Int>()
    let time = SimTime(nanoseconds: 5_000)
    var ids: [EventID] = []
    for payload in 0..<2_000 { ids.append(simulation.schedule(payload, at: time)) }
    simulation.cancel(ids[1_999])  // the bucket's last: its predecessor becomes the tail
    simulation.cancel(ids[1_000])  // one inside
    for payload in 2_000..<2_010 { simulation.schedule(payload, at: time) }
    simulation.schedule(-1, at: SimTime(nanoseconds: 4_999))  // same bucket, earlier: at the head
    simulation.schedule(-2, at: SimTime(nanoseconds: 5_001))  // same bucket, later: at the tail
    simulation.schedule(-3, at: time, priority: .urgent)  // same time, urgent: before the burst
    #if DEBUG
      #expect(simulation.invariantViolation() == nil)
    #endif
    var drained: [Int] = []
    while let payload = simulation.nextEvent() { drained.append(payload) }
    let burst = (0..<2_010).filter { $0 != 1_999 && $0 != 1_000 }
    #expect(drained == [-1, -3] + burst + [-2])
  }

  @Test("obsolete wheel events are dropped unrun and do not move the clock")
  func obsoleteInWheel() {
    var simulation = Simulation<Int>()
    simulation.scheduleInLane(-1, after: .nanoseconds(10))
    simulation.schedule(2, at: SimTime(nanoseconds: 20))
    simulation.scheduleInLane(-3, after: .nanoseconds(Self.turn + 5))  // a far lane
    simulation.schedule(-4, at: SimTime(nanoseconds: 3 * Self.turn))  // the far heap
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) == 2)
    #expect(simulation.nextEvent(until: .distantFuture, skipping: { $0 < 0 }) == nil)
    #expect(simulation.now == SimTime(nanoseconds: 20))
    #expect(simulation.processedEventCount == 1)
    #expect(simulation.pendingEventCount == 0)
  }

  @Test("a copy has wheel events of its own")
  func copyOwnsItsWheel() {
    var original = Simulation<Int>()
    var ids: [EventID] = []
    for index in 0..<50 { ids.append(original.schedule(index, at: SimTime(nanoseconds: Int64(index % 7) << 13))) }
    for index in 50..<60 { original.scheduleInLane(index, after: .nanoseconds(Self.turn * Int64(index - 49))) }
    var copy = original.copy()
    copy.cancel(ids[3])
    original.cancel(ids[4])
    copy.schedule(100, at: .zero, priority: .urgent)  // first of the events due at zero
    #if DEBUG
      #expect(original.invariantViolation() == nil)
      #expect(copy.invariantViolation() == nil)
    #endif
    var fromOriginal: [Int] = []
    while let payload = original.nextEvent() { fromOriginal.append(payload) }
    var fromCopy: [Int] = []
    while let payload = copy.nextEvent() { fromCopy.append(payload) }
    let near = (0..<50).sorted { ($0 % 7, $0) < ($1 % 7, $1) }
    #expect(fromOriginal == near.filter { $0 != 4 } + Array(50..<60))
    #expect(fromCopy == [100] + near.filter { $0 != 3 } + Array(50..<60))
  }
}

/// One reference-checked run: events scheduled near (in the wheel), around the horizon and far
/// (heap, lanes), with equal times, urgent events, cancellations, obsolete events (a growing
/// set), limited and unlimited pops, clock jumps of several turns and a `copy()` half-way that
/// must run on exactly like the original. Returns the first difference, or nil.
private func wheelSweep(seed: UInt64) -> String? {
  struct Pending { let time: Int64; let urgent: Bool; let sequence: UInt64; let payload: Int }
  let turn = EventWheelTests.turn
  var random = RandomSource(seed: seed, stream: "event-wheel-sweep")
  var simulation = Simulation<Int>()
  var pending: [Pending] = []
  var ids: [(EventID, Int)] = []
  var obsolete = Set<Int>()
  var sequence: UInt64 = 0
  var fingerprint = Fingerprint()
  var processed = 0
  var copied: Simulation<Int>? = nil
  var copiedPending: [Pending] = []
  var copiedProcessed = 0
  let laneDelays: [Int64] = [0, 7, 1 << 14, turn - (1 << 14), turn - 1, turn, turn + 3, 15_000_000_000]
  func delay(_ random: inout RandomSource) -> Int64 {
    switch random.nextInt(below: 6) {
    case 0: return Int64(random.nextInt(below: 4)) << 12  // equal times
    case 1: return Int64(random.nextInt(below: 1 << 20))
    case 2: return turn - 20_000 + Int64(random.nextInt(below: 40_000))  // around the horizon
    case 3: return Int64(random.nextInt(below: UInt64(4 * turn)))
    default: return Int64(random.nextInt(below: 1 << 16))
    }
  }
  for step in 0..<600 {
    let now = simulation.now.nanoseconds
    switch random.nextInt(below: 16) {
    case 0..<5:
      let time = now + delay(&random)
      let urgent = random.nextInt(below: 4) == 0
      let id = simulation.schedule(step, at: SimTime(nanoseconds: time), priority: urgent ? .urgent : .normal)
      if id.sequence != sequence { return "step \(step): sequence \(id.sequence), expected \(sequence)" }
      ids.append((id, step))
      pending.append(Pending(time: time, urgent: urgent, sequence: sequence, payload: step))
      sequence += 1
    case 5..<9:
      let laneDelay = laneDelays[Int(random.nextInt(below: UInt64(laneDelays.count)))]
      simulation.scheduleInLane(step, after: .nanoseconds(laneDelay), compacting: { obsolete.contains($0) })
      pending.append(Pending(time: now + laneDelay, urgent: false, sequence: sequence, payload: step))
      sequence += 1
    case 9:
      if !ids.isEmpty {
        let (id, payload) = ids.remove(at: Int(random.nextInt(below: UInt64(ids.count))))
        simulation.cancel(id)  // may have run already: then nothing
        pending.removeAll { $0.payload == payload }
      }
    case 10:
      if !pending.isEmpty { obsolete.insert(pending[Int(random.nextInt(below: UInt64(pending.count)))].payload) }
    default:
      let jump = random.nextInt(below: 20) == 0 ? 5 * turn : Int64(random.nextInt(below: 1 << 18))
      let limit = now + jump
      // The reference: the earliest by EventKey, dropping obsolete ones on the way.
      pending.sort { ($0.time, $0.urgent ? 0 : 1, $0.sequence) < ($1.time, $1.urgent ? 0 : 1, $1.sequence) }
      var expected: Pending?
      while let first = pending.first, first.time <= limit {
        pending.removeFirst()
        if obsolete.contains(first.payload) { continue }
        expected = first
        break
      }
      let payload = simulation.nextEvent(until: SimTime(nanoseconds: limit), skipping: { obsolete.contains($0) })
      if payload != expected?.payload { return "step \(step): got \(String(describing: payload)), expected \(String(describing: expected?.payload))" }
      if let expected {
        processed += 1
        fingerprint.combine(UInt64(bitPattern: expected.time))
        fingerprint.combine(expected.sequence)
        if simulation.now.nanoseconds != expected.time { return "step \(step): clock \(simulation.now), expected \(expected.time)" }
      } else if simulation.now.nanoseconds != now {
        return "step \(step): the clock moved without an event"
      }
    }
    if simulation.processedEventCount != processed || simulation.fingerprint != fingerprint {
      return "step \(step): count or fingerprint differs"
    }
    let live = pending.filter { !obsolete.contains($0.payload) }.count
    if simulation.pendingEventCount < live || simulation.pendingEventCount > pending.count {
      return "step \(step): \(simulation.pendingEventCount) pending, expected \(live)...\(pending.count)"
    }
    #if DEBUG
      if let violation = simulation.invariantViolation() { return "step \(step): \(violation)" }
    #endif
    if step == 300 {
      copied = simulation.copy()
      copiedPending = pending
      copiedProcessed = processed
    }
  }
  // Drain the original, then the copy, which must give the same rest from step 300 on.
  pending.sort { ($0.time, $0.urgent ? 0 : 1, $0.sequence) < ($1.time, $1.urgent ? 0 : 1, $1.sequence) }
  var drained: [Int] = []
  while let payload = simulation.nextEvent(until: .distantFuture, skipping: { obsolete.contains($0) }) { drained.append(payload) }
  let expected = pending.map(\.payload).filter { !obsolete.contains($0) }
  if drained != expected { return "drain: got \(drained), expected \(expected)" }
  guard var copy = copied.take() else { return nil }
  copiedPending.sort { ($0.time, $0.urgent ? 0 : 1, $0.sequence) < ($1.time, $1.urgent ? 0 : 1, $1.sequence) }
  // The copy runs on by itself: the original's later steps (cancellations, pops) leave it as
  // it was at step 300. The obsolete set only grew since, so it drops what it dropped then.
  var fromCopy: [Int] = []
  while let payload = copy.nextEvent(until: .distantFuture, skipping: { obsolete.contains($0) }) { fromCopy.append(payload) }
  if copy.processedEventCount != copiedProcessed + fromCopy.count { return "copy: wrong count" }
  let expectedFromCopy = copiedPending.map(\.payload).filter { !obsolete.contains($0) }
  if fromCopy != expectedFromCopy { return "copy: got \(fromCopy), expected \(expectedFromCopy)" }
  #if DEBUG
    if let violation = copy.invariantViolation() { return "copy: \(violation)" }
  #endif
  return nil
}
