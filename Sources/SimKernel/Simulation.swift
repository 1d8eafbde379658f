/// A discrete-event kernel: a clock and a future event list of `Payload`s (SimPy/ns-3 style).
///
/// The kernel knows nothing about networks; the engine schedules its own payloads and drives
/// the loop with `nextEvent(until:)`. Events run in `EventKey` order — time, then `.urgent`
/// before `.normal`, then scheduling order — so equal-time events run first-in first-out. The
/// clock only moves forwards, to the time of the event being returned.
///
/// Events due soon — less than about 67 ms after `now`, however they were scheduled — wait in a
/// timing wheel (`EventWheel`): hop latencies, service times, traffic gaps. Later events wait
/// where they always have, the *far* structures below, and the next event is the earlier of
/// the wheel's earliest and theirs; `farTime`/`farOrder` caches a lower bound of theirs, so
/// while the wheel holds the next event one comparison decides and the far structures are not
/// read (done for latency: see `EventWheel`).
///
/// Far events scheduled with `schedule` wait in a binary heap of 24-byte `(time, order, slot)`
/// entries; their payloads live in a slot array with a free list, so steady-state scheduling
/// allocates nothing (both in one block of raw memory, `ScheduledEvents`). Far events scheduled
/// with `scheduleInLane(_:after:)` (timeouts: delays many events share) skip the heap and wait
/// in a FIFO per delay (`DelayLane`), which is already sorted because the clock never goes back; a winner tree
/// over the lanes' fronts (`LaneTournament`) names the earliest of them, so the next event is
/// the earlier of the heap's top and the tournament's winner. Lane events come out in exactly
/// the same order as if they had been scheduled with `schedule`, so the choice changes speed,
/// never results.
///
/// Cancellation releases the event's payload at once; a wheel event leaves its bucket at once,
/// a heap entry is skipped lazily (ns-3) when it reaches the top; cancelled events never run
/// and are never counted. The owner may also declare events *obsolete*
/// (`nextEvent(until:skipping:)`): they are dropped unrun like cancelled ones, and a full lane
/// drops them before it grows, so memory follows live events (the wheel holds at most the
/// events of its ~67 ms horizon).
///
/// Every returned event mixes its `(time, sequence)` into `fingerprint`; the engine adds its
/// own per-event digest with `mixIntoFingerprint(_:)`.
///
/// A simulation is noncopyable: it owns its event storage (`wheel`, `heap`, `lanes`) outright, so
/// scheduling or running an event changes it in place with no copy-on-write check (an owner
/// runs one simulation and never needs an implicit copy). `copy()` makes an independent one.
public struct Simulation<Payload>: ~Copyable {
  /// Most events `nextEvent(until:)` will return; scenario data can reach it, so reaching it
  /// is an outcome (`stoppedAtEventLimit`), not a crash.
  public let eventLimit: Int

  /// Every pending event scheduled with `schedule`, and its payload; the top of the heap is
  /// always a live event (see `discardCancelledTop`). Owned by this simulation alone.
  @usableFromInline var heap: ScheduledEvents<Payload>
  @usableFromInline var nextSequence: UInt64
  /// Heap entries whose event was cancelled and that have not been popped yet.
  @usableFromInline var tombstoneCount: Int
  @usableFromInline var clock: SimTime
  @usableFromInline var processedCount: Int
  @usableFromInline var digest: Fingerprint
  @usableFromInline var reachedEventLimit: Bool
  /// FIFO lanes of events scheduled with `scheduleInLane(_:after:)`, one per distinct delay,
  /// and the tournament over their fronts. Owned by this simulation alone.
  @usableFromInline var lanes: DelayLanes<Payload>
  /// Events due within the wheel's horizon, whichever way they were scheduled.
  @usableFromInline var wheel: EventWheel<Payload>
  /// At or before the earliest far event's `(time, order)` (heap and lanes; `(Int64.max,
  /// UInt64.max)` when none was ever scheduled): far events only lower it when scheduled, and
  /// `takeFarEvent` makes it exact when the wheel's earliest does not precede it.
  @usableFromInline var farTime: Int64
  @usableFromInline var farOrder: UInt64

  /// Most lanes (distinct delays pending at once); events with other delays go to the heap.
  @usableFromInline static var maximumLaneCount: Int { 16 }

  /// `maximumLaneCount`, for tests.
  public static var maximumLaneCountForTests: Int { maximumLaneCount }

  /// An empty simulation at `SimTime.zero` that will return at most `eventLimit` events.
  @inlinable
  public init(eventLimit: Int = .max) {
    precondition(eventLimit >= 0, "the event limit cannot be negative")
    self.eventLimit = eventLimit
    heap = ScheduledEvents()
    nextSequence = 0
    tombstoneCount = 0
    clock = .zero
    processedCount = 0
    digest = Fingerprint()
    reachedEventLimit = false
    lanes = DelayLanes(capacity: Simulation.maximumLaneCount)
    wheel = EventWheel()
    farTime = .max
    farOrder = .max
  }

  /// An independent simulation in the same state: the same pending events (payloads copied),
  /// clock, counts and fingerprint; running either leaves the other as it was.
  ///
  /// - Complexity: O(n)
  public func copy() -> Simulation {
    Simulation(copying: self)
  }

  @inlinable
  init(copying other: borrowing Simulation) {
    eventLimit = other.eventLimit
    heap = ScheduledEvents(copying: other.heap)
    nextSequence = other.nextSequence
    tombstoneCount = other.tombstoneCount
    clock = other.clock
    processedCount = other.processedCount
    digest = other.digest
    reachedEventLimit = other.reachedEventLimit
    lanes = DelayLanes(copying: other.lanes)
    wheel = EventWheel(copying: other.wheel)
    farTime = other.farTime
    farOrder = other.farOrder
  }

  /// The current simulated time: the time of the last event returned (zero before any).
  @inlinable
  public var now: SimTime { clock }

  /// How many events `nextEvent(until:)` has returned.
  @inlinable
  public var processedEventCount: Int { processedCount }

  /// The digest of every returned event's `(time, sequence)` and of every word mixed in.
  @inlinable
  public var fingerprint: Fingerprint { digest }

  /// Scheduled events that have neither run nor been cancelled.
  ///
  /// - Complexity: O(1) per lane in use (at most `maximumLaneCount`)
  @inlinable
  public var pendingEventCount: Int {
    heap.entryCount - tombstoneCount + lanes.pendingCount + wheel.count
  }

  /// Whether `nextEvent(until:)` has refused a due event because `eventLimit` events had
  /// already run.
  @inlinable
  public var stoppedAtEventLimit: Bool { reachedEventLimit }

  /// Reserves room for `count` pending events so that scheduling up to that many does not
  /// reallocate.
  public mutating func reserveCapacity(_ count: Int) {
    heap.reserveCapacity(count)
    wheel.reserveCapacity(count)
  }

  /// Schedules `payload` to be returned at `time`, which must not be before `now`.
  ///
  /// - Complexity: O(events in its wheel bucket) within the wheel's horizon, O(log n) beyond
  @inlinable
  @inline(__always)  // a handful of call sites, each on a per-request path: a call costs a fifth
  @discardableResult
  public mutating func schedule(
    _ payload: Payload, at time: SimTime, priority: EventPriority = .normal
  ) -> EventID {
    precondition(
      time >= clock,
      "time went backwards: an event was scheduled at \(time) but the clock is at \(clock)")
    let sequence = nextSequence
    precondition(sequence < LaneFront.sequenceLimit, "too many events")
    nextSequence &+= 1
    if EventWheel<Payload>.covers(time.nanoseconds, now: clock.nanoseconds) {
      let order = ScheduledEntry.order(priority: priority, sequence: sequence)
      let node = wheel.insert(payload, time: time.nanoseconds, order: order)
      return EventID(sequence: sequence, slot: node | EventID.wheelBit)
    }
    return scheduleFar(payload, at: time.nanoseconds, priority: priority, sequence: sequence)
  }

  /// `schedule` for an event beyond the wheel's horizon: to the heap.
  @inlinable
  @inline(never)
  mutating func scheduleFar(_ payload: Payload, at time: Int64, priority: EventPriority, sequence: UInt64) -> EventID {
    let slot = heap.insert(payload, time: time, priority: priority, sequence: sequence)
    lowerFarBound(time: time, order: ScheduledEntry.order(priority: priority, sequence: sequence))
    return EventID(sequence: sequence, slot: slot)
  }

  /// Keeps `farTime`/`farOrder` at or before a far event just scheduled.
  @inlinable
  @inline(__always)
  mutating func lowerFarBound(time: Int64, order: UInt64) {
    if time < farTime || (time == farTime && order < farOrder) {
      farTime = time
      farOrder = order
    }
  }

  /// Whether another event may run; when not, notes that the event limit stopped the run.
  @inlinable
  @inline(__always)
  mutating func admitsAnotherEvent() -> Bool {
    guard processedCount < eventLimit else {
      reachedEventLimit = true
      return false
    }
    return true
  }

  /// Moves the clock to the event being returned, whichever structure held it, counts it and
  /// mixes its `(time, sequence)` into the fingerprint.
  @inlinable
  @inline(__always)
  mutating func recordRun(at time: Int64, sequence: UInt64) {
    clock = SimTime(nanoseconds: time)
    processedCount += 1
    digest.combine(UInt64(bitPattern: time))
    digest.combine(sequence)
  }

  /// Schedules `payload` to be returned `delay` after `now`; `delay` must not be negative.
  ///
  /// - Complexity: O(log n)
  @inlinable
  @inline(__always)
  @discardableResult
  public mutating func schedule(
    _ payload: Payload, after delay: SimDuration, priority: EventPriority = .normal
  ) -> EventID {
    schedule(payload, at: clock + delay, priority: priority)
  }

  /// Cancels the event `id` if it is still pending; otherwise (already run, already
  /// cancelled) does nothing. The payload is released immediately.
  ///
  /// - Complexity: O(1), plus O(log n) per cancelled event removed from the top of the heap
  @inlinable
  public mutating func cancel(_ id: EventID) {
    if id.slot & EventID.wheelBit != 0 {
      wheel.cancel(node: Int(id.slot & ~EventID.wheelBit), sequence: id.sequence)
      return
    }
    let index = Int(id.slot)
    guard index < heap.slotCount, heap[slot: index].sequence == id.sequence,
      heap[slot: index].payload != nil
    else { return }
    heap[slot: index].payload = nil
    tombstoneCount += 1
    discardCancelledTop()
  }

  /// The time of the next event that will run, or nil when none is pending.
  ///
  /// - Complexity: O(1)
  @inlinable
  public func peekNextTime() -> SimTime? {
    let front = lanes.fronts.winner
    guard !front.isEmpty || wheel.count > 0 || heap.min != nil else { return nil }
    // An empty lane's front and an empty wheel's earliest are due at `Int64.max`.
    var earliest = Swift.min(front.time, wheel.minTime)
    if let top = heap.min { earliest = Swift.min(earliest, top.time) }
    return SimTime(nanoseconds: earliest)
  }

  /// Removes and returns the next event's payload if it is due at or before `limit`, moving
  /// `now` to its time.
  ///
  /// Returns nil, leaving the queue and `now` untouched, when nothing is pending, when the
  /// next event is after `limit`, or when `eventLimit` events have already run (then
  /// `stoppedAtEventLimit` becomes true).
  ///
  /// - Complexity: O(log n)
  @inlinable
  public mutating func nextEvent(until limit: SimTime) -> Payload? {
    nextEvent(until: limit, skipping: { _ in false })
  }

  /// `nextEvent(until:)`, dropping on the way every due event whose payload `isObsolete` says
  /// can no longer matter (a timeout for an exchange that has already finished): such events
  /// are discarded like cancelled ones — never returned, never counted, never mixed into the
  /// fingerprint, and the clock does not move to them. `isObsolete` must be a function of the
  /// payload and of state that only ever turns an event obsolete, never back.
  ///
  /// - Complexity: O(log n) per event returned or dropped
  @inlinable
  @inline(__always)  // the heart of the owner's event loop: lets the skipping test inline too
  public mutating func nextEvent(until limit: SimTime, skipping isObsolete: (Payload) -> Bool) -> Payload? {
    while true {
      // An empty wheel's earliest compares after every event: the far structures decide.
      if wheel.precedes(time: farTime, order: farOrder) {
        let time = wheel.minTime
        guard time <= limit.nanoseconds else { return nil }
        let payload = wheel.minPayload
        if isObsolete(payload) {
          wheel.removeMin()
          continue
        }
        guard admitsAnotherEvent() else { return nil }
        let sequence = wheel.minOrder & ScheduledEntry.sequenceMask
        wheel.removeMin()
        recordRun(at: time, sequence: sequence)
        return payload
      }
      switch takeFarEvent(until: limit, skipping: isObsolete) {
      case .event(let payload): return payload
      case .nothingDue: return nil
      case .wheel: continue
      }
    }
  }

  /// What `takeFarEvent` found.
  @usableFromInline
  enum FarStep {
    /// The far event that runs next (taken).
    case event(Payload)
    /// No event is due (or the event limit was reached).
    case nothingDue
    /// The wheel's earliest event runs first.
    case wheel
  }

  /// `nextEvent(until:skipping:)` when the wheel's earliest does not precede the far bound:
  /// makes the bound exact, and takes the earliest far event if it runs before the wheel's
  /// (dropping obsolete ones on the way). Out of line: rare (a due timeout, a far scenario
  /// event), and the owner's event loop is at the inliner's size limit.
  @inlinable
  @inline(never)
  mutating func takeFarEvent(until limit: SimTime, skipping isObsolete: (Payload) -> Bool) -> FarStep {
    // No lane event is due at `Int64.max` (those go to the heap), the time of an empty lane's
    // front: one comparison with the limit capped below it rules out both.
    let laneLimit = Swift.min(limit.nanoseconds, Int64.max &- 1)
    while true {
      // An empty lane's front compares after every event (see `LaneFront.sequenceLimit`).
      let front = lanes.fronts.winner
      let laneOrder = front.isEmpty ? UInt64.max : ScheduledEntry.laneOrder(front.sequence)
      if let top = heap.min, top.time < front.time || (top.time == front.time && top.order < laneOrder) {
        farTime = top.time
        farOrder = top.order
        if wheel.precedes(time: farTime, order: farOrder) { return .wheel }
        guard top.time <= limit.nanoseconds else { return .nothingDue }
        // The top of the heap is always live (see discardCancelledTop).
        let payload = heap.payload(ofLive: top.slot)
        if isObsolete(payload) {
          dropHeapTop()
          continue
        }
        guard admitsAnotherEvent() else { return .nothingDue }
        heap.removeMin()
        heap.discard(top.slot)
        recordRun(at: top.time, sequence: top.sequence)
        if tombstoneCount > 0 { discardCancelledTop() }
        return .event(payload)
      }
      farTime = front.time
      farOrder = laneOrder
      if wheel.precedes(time: farTime, order: farOrder) { return .wheel }
      guard front.time <= laneLimit else { return .nothingDue }
      let payload = lanes.payload(of: front)
      if isObsolete(payload) {
        lanes.removeWinner(front)
        continue
      }
      guard admitsAnotherEvent() else { return .nothingDue }
      lanes.removeWinner(front)
      recordRun(at: front.time, sequence: front.sequence)
      return .event(payload)
    }
  }

  /// Discards the heap's top event without running it (it is obsolete).
  @inlinable
  mutating func dropHeapTop() {
    guard let top = heap.min else { return }
    heap.removeMin()
    heap.discard(top.slot)
    if tombstoneCount > 0 { discardCancelledTop() }
  }

  /// Returns the next event's payload whatever its time (see `nextEvent(until:)`).
  @inlinable
  public mutating func nextEvent() -> Payload? {
    nextEvent(until: .distantFuture)
  }

  /// Mixes `word` into `fingerprint`.
  @inlinable
  public mutating func mixIntoFingerprint(_ word: UInt64) {
    digest.combine(word)
  }

  /// Pops cancelled entries off the top of the heap, keeping the invariant that the top
  /// entry (if any) is live, which makes `peekNextTime()` O(1) and non-mutating.
  @inlinable
  mutating func discardCancelledTop() {
    while tombstoneCount > 0, let top = heap.min, heap[slot: Int(top.slot)].payload == nil {
      heap.removeMin()
      heap.discard(top.slot)
      tombstoneCount -= 1
    }
  }
}

extension Simulation: Sendable where Payload: Sendable {}
