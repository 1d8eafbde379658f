import SimKernel
import Testing

@Suite("Simulation")
struct SimulationTests {
  @Test("events run in time order and move the clock")
  func timeOrder() {
    var simulation = Simulation<String>()
    simulation.schedule("c", at: SimTime(nanoseconds: 30))
    simulation.schedule("a", at: SimTime(nanoseconds: 10))
    simulation.schedule("b", at: SimTime(nanoseconds: 20))
    var seen: [(String, Int64)] = []
    while let payload = simulation.nextEvent(until: .distantFuture) {
      seen.append((payload, simulation.now.nanoseconds))
    }
    #expect(seen.map(\.0) == ["a", "b", "c"])
    #expect(seen.map(\.1) == [10, 20, 30])
    #expect(simulation.processedEventCount == 3)
    #expect(simulation.pendingEventCount == 0)
  }

  @Test("events at the same time run in scheduling order")
  func fifoTies() {
    var simulation = Simulation<Int>()
    for value in 0..<50 { simulation.schedule(value, at: SimTime(nanoseconds: 7)) }
    #expect(drain(&simulation) == Array(0..<50))
  }

  @Test("urgent events run before normal ones at the same time, FIFO within each")
  func urgentFirst() {
    var simulation = Simulation<String>()
    let time = SimTime(nanoseconds: 100)
    simulation.schedule("normal-1", at: time)
    simulation.schedule("urgent-1", at: time, priority: .urgent)
    simulation.schedule("normal-2", at: time, priority: .normal)
    simulation.schedule("earlier", at: SimTime(nanoseconds: 99))
    simulation.schedule("urgent-2", at: time, priority: .urgent)
    #expect(drain(&simulation) == ["earlier", "urgent-1", "urgent-2", "normal-1", "normal-2"])
  }

  @Test("an event scheduled for now runs after those already due now")
  func sameTimeBatch() {
    var simulation = Simulation<String>()
    simulation.schedule("first", at: SimTime(nanoseconds: 5))
    simulation.schedule("second", at: SimTime(nanoseconds: 5))
    #expect(simulation.nextEvent(until: .distantFuture) == "first")
    simulation.schedule("spawned", after: .zero)
    simulation.schedule("spawned-urgent", after: .zero, priority: .urgent)
    #expect(drain(&simulation) == ["spawned-urgent", "second", "spawned"])
    #expect(simulation.now == SimTime(nanoseconds: 5))
  }

  @Test("schedule(after:) is relative to now")
  func scheduleAfter() {
    var simulation = Simulation<Int>()
    simulation.schedule(1, after: .milliseconds(2))
    #expect(simulation.nextEvent(until: .distantFuture) == 1)
    simulation.schedule(2, after: .milliseconds(3))
    #expect(simulation.peekNextTime() == SimTime.zero + .milliseconds(5))
  }

  @Test("cancelled events never run and are not counted")
  func cancellation() {
    var simulation = Simulation<String>()
    simulation.schedule("a", at: SimTime(nanoseconds: 1))
    let b = simulation.schedule("b", at: SimTime(nanoseconds: 2))
    simulation.schedule("c", at: SimTime(nanoseconds: 3))
    let d = simulation.schedule("d", at: SimTime(nanoseconds: 3))
    #expect(simulation.pendingEventCount == 4)
    simulation.cancel(b)
    simulation.cancel(d)
    simulation.cancel(d)  // twice is harmless
    #expect(simulation.pendingEventCount == 2)
    #expect(drain(&simulation) == ["a", "c"])
    #expect(simulation.processedEventCount == 2)
    #expect(simulation.pendingEventCount == 0)
    #expect(simulation.now == SimTime(nanoseconds: 3))
  }

  @Test("peekNextTime skips a cancelled head")
  func peekSkipsCancelled() {
    var simulation = Simulation<Int>()
    let first = simulation.schedule(1, at: SimTime(nanoseconds: 10))
    simulation.schedule(2, at: SimTime(nanoseconds: 20))
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 10))
    simulation.cancel(first)
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 20))
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 15)) == nil)
    #expect(simulation.now == .zero)
  }

  @Test("cancelling an event that already ran, or a reused slot's old ID, does nothing")
  func staleCancellation() {
    var simulation = Simulation<String>()
    let old = simulation.schedule("old", at: SimTime(nanoseconds: 1))
    #expect(simulation.nextEvent(until: .distantFuture) == "old")
    simulation.cancel(old)
    let reused = simulation.schedule("new", at: SimTime(nanoseconds: 2))
    #expect(reused != old)
    simulation.cancel(old)
    #expect(simulation.pendingEventCount == 1)
    #expect(simulation.nextEvent(until: .distantFuture) == "new")
  }

  @Test("cancelling releases the payload at once")
  func cancellationReleasesPayload() {
    final class Token {}
    var simulation = Simulation<Token>()
    weak var weakToken: Token?
    let id: EventID
    do {
      let token = Token()
      weakToken = token
      id = simulation.schedule(token, at: SimTime(nanoseconds: 50))
    }
    simulation.schedule(Token(), at: SimTime(nanoseconds: 10))
    #expect(weakToken != nil)
    simulation.cancel(id)
    #expect(weakToken == nil)
  }

  @Test("nextEvent(until:) includes the limit and leaves later events queued")
  func untilBoundary() {
    var simulation = Simulation<String>()
    simulation.schedule("at-limit", at: SimTime(nanoseconds: 100))
    simulation.schedule("after-limit", at: SimTime(nanoseconds: 101))
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 99)) == nil)
    #expect(simulation.now == .zero)
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 100)) == "at-limit")
    #expect(simulation.now == SimTime(nanoseconds: 100))
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 100)) == nil)
    #expect(simulation.now == SimTime(nanoseconds: 100))
    #expect(simulation.pendingEventCount == 1)
    #expect(simulation.peekNextTime() == SimTime(nanoseconds: 101))
    #expect(simulation.processedEventCount == 1)
    #expect(simulation.stoppedAtEventLimit == false)
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 101)) == "after-limit")
    #expect(simulation.nextEvent(until: .distantFuture) == nil)
  }

  @Test("the event limit stops the run and says so")
  func eventLimit() {
    var simulation = Simulation<Int>(eventLimit: 3)
    for value in 0..<5 { simulation.schedule(value, at: SimTime(nanoseconds: Int64(value))) }
    #expect(drain(&simulation) == [0, 1, 2])
    #expect(simulation.stoppedAtEventLimit == true)
    #expect(simulation.processedEventCount == 3)
    #expect(simulation.pendingEventCount == 2)
    #expect(simulation.now == SimTime(nanoseconds: 2))
  }

  @Test("running exactly up to the event limit is not a stop")
  func eventLimitExactlyReached() {
    var simulation = Simulation<Int>(eventLimit: 2)
    simulation.schedule(1, at: .zero)
    simulation.schedule(2, at: .zero)
    #expect(drain(&simulation) == [1, 2])
    #expect(simulation.stoppedAtEventLimit == false)
    simulation.schedule(3, at: SimTime(nanoseconds: 10))
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 5)) == nil)
    #expect(simulation.stoppedAtEventLimit == false)
    #expect(simulation.nextEvent(until: SimTime(nanoseconds: 10)) == nil)
    #expect(simulation.stoppedAtEventLimit == true)
  }

  @Test("identical runs give identical fingerprints; a different order changes it")
  func fingerprint() {
    func run(_ times: [Int64], mix: UInt64? = nil) -> Fingerprint {
      var simulation = Simulation<Int>()
      for (index, time) in times.enumerated() {
        simulation.schedule(index, at: SimTime(nanoseconds: time))
      }
      while simulation.nextEvent(until: .distantFuture) != nil {
        if let mix { simulation.mixIntoFingerprint(mix) }
      }
      return simulation.fingerprint
    }
    let base = run([1, 2, 3])
    #expect(run([1, 2, 3]) == base)
    #expect(run([1, 3, 2]) != base)
    #expect(run([1, 2, 4]) != base)
    #expect(run([1, 2, 3], mix: 5) != base)
    #expect(run([1, 2, 3], mix: 5) == run([1, 2, 3], mix: 5))
    #expect(Simulation<Int>().fingerprint == Fingerprint())
  }

  @Test("random schedules and cancellations match a sorted reference (seed sweep)")
  func randomSweep() {
    for seed in UInt64(0)..<300 {
      if let failure = sweep(seed: seed) {
        Issue.record("seed \(seed): \(failure)")
        return
      }
    }
  }

  @Test("the heap keeps its order through waves of events that grow and shrink it")
  func heapOrderThroughWaves() {
    // Waves of 1 to 60 far events with random times, each followed by pops down to a few or
    // to half: the heap grows and shrinks through many sizes.
    for seed in UInt64(0)..<50 {
      var random = RandomSource(seed: seed, stream: "sorted-heap")
      var simulation = Simulation<UInt64>()
      var pending: [(key: EventKey, payload: UInt64)] = []
      var sequence: UInt64 = 0
      for wave in 0..<8 {
        for _ in 0..<(1 + Int(random.nextInt(below: 60))) {
          // Past the timing wheel's horizon: far events wait in the heap.
          let delay = SimDuration(nanoseconds: 1_000_000_000 + Int64(random.nextInt(below: 1000)))
          simulation.schedule(sequence, after: delay)
          let key = EventKey(time: simulation.now + delay, priority: .normal, sequence: sequence)
          pending.append((key, sequence))
          sequence += 1
        }
        pending.sort { $0.key < $1.key }
        let keep = wave.isMultiple(of: 2) ? Int(random.nextInt(below: 4)) : pending.count / 2
        while pending.count > keep {
          let expected = pending.removeFirst()
          let payload = simulation.nextEvent(until: .distantFuture)
          #expect(payload == expected.payload, "seed \(seed) wave \(wave)")
          #if DEBUG
            if let violation = simulation.invariantViolation() {
              Issue.record("seed \(seed) wave \(wave): \(violation)")
              return
            }
          #endif
        }
      }
      #expect(drain(&simulation) == pending.map(\.payload), "seed \(seed)")
    }
  }

  @Test("a copy keeps heap events and payloads of its own")
  func copiesAreIndependent() {
    var original = Simulation<Int>()
    var ids: [EventID] = []
    for index in 0..<40 { ids.append(original.schedule(index, at: SimTime(nanoseconds: Int64(100 - index)))) }
    original.cancel(ids[5])
    var copy = original.copy()
    copy.cancel(ids[6])
    copy.schedule(1000, at: SimTime(nanoseconds: 1))
    #expect(copy.nextEvent() == 1000)
    for index in 40..<80 { copy.schedule(index, at: SimTime(nanoseconds: 200)) }  // grows the copy's storage
    original.cancel(ids[7])
    #expect(original.pendingEventCount == 38)
    #expect(copy.pendingEventCount == 78)
    #if DEBUG
      #expect(original.invariantViolation() == nil)
      #expect(copy.invariantViolation() == nil)
    #endif
    #expect(drain(&original) == Array((0..<40).filter { $0 != 5 && $0 != 7 }.reversed()))
    #expect(drain(&copy) == Array((0..<40).filter { $0 != 5 && $0 != 6 }.reversed()) + Array(40..<80))
  }

  @Test("time going backwards is a programming error")
  func timeBackwards() async {
    await #expect(processExitsWith: .failure) {
      var simulation = Simulation<Int>()
      simulation.schedule(1, at: SimTime(nanoseconds: 10))
      _ = simulation.nextEvent(until: .distantFuture)
      simulation.schedule(2, at: SimTime(nanoseconds: 9))
    }
  }
}

private func drain<Payload>(_ simulation: inout Simulation<Payload>) -> [Payload] {
  var payloads: [Payload] = []
  while let payload = simulation.nextEvent(until: .distantFuture) { payloads.append(payload) }
  return payloads
}

/// One random run against a reference list kept sorted by `EventKey`; nil when they agree.
private func sweep(seed: UInt64) -> String? {
  var random = RandomSource(seed: seed, stream: "simulation-sweep")
  var simulation = Simulation<UInt64>(eventLimit: 150 + Int(random.nextInt(below: 100)))
  var pending: [(key: EventKey, id: EventID, payload: UInt64)] = []
  var sequence: UInt64 = 0
  var processed = 0
  for step in 0..<300 {
    switch random.nextInt(below: 10) {
    case 0..<5:
      let delay = SimDuration(nanoseconds: Int64(random.nextInt(below: 20)))
      let priority: EventPriority = random.nextInt(below: 4) == 0 ? .urgent : .normal
      let time = simulation.now + delay
      let id = simulation.schedule(sequence, after: delay, priority: priority)
      guard id.sequence == sequence else { return "step \(step): unexpected sequence" }
      pending.append((EventKey(time: time, priority: priority, sequence: sequence), id, sequence))
      sequence += 1
    case 5..<7:
      guard !pending.isEmpty else { continue }
      let index = Int(random.nextInt(below: UInt64(pending.count)))
      simulation.cancel(pending[index].id)
      pending.remove(at: index)
    default:
      let limit = simulation.now + SimDuration(nanoseconds: Int64(random.nextInt(below: 15)))
      let expected = pending.min { $0.key < $1.key }
      let payload = simulation.nextEvent(until: limit)
      if let expected, expected.key.time <= limit {
        if processed >= simulation.eventLimit {
          guard payload == nil, simulation.stoppedAtEventLimit else {
            return "step \(step): ran past the event limit"
          }
          continue
        }
        guard payload == expected.payload else {
          return "step \(step): got \(String(describing: payload)), expected \(expected.payload)"
        }
        guard simulation.now == expected.key.time else { return "step \(step): clock wrong" }
        pending.removeAll { $0.key == expected.key }
        processed += 1
      } else if payload != nil {
        return "step \(step): returned an event that was not due"
      }
    }
    guard simulation.pendingEventCount == pending.count else {
      return "step \(step): pending \(simulation.pendingEventCount), expected \(pending.count)"
    }
    guard simulation.processedEventCount == processed else {
      return "step \(step): processed count differs"
    }
    let nextTime = pending.min { $0.key < $1.key }?.key.time
    guard simulation.peekNextTime() == nextTime else { return "step \(step): peek differs" }
    #if DEBUG
      if let violation = simulation.invariantViolation() { return "step \(step): \(violation)" }
    #endif
  }
  return nil
}
