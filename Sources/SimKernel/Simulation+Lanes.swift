/// Delay lanes: far events many of which share one delay wait in a FIFO per delay (`DelayLane`)
/// instead of the heap; `lanes.fronts` knows which lane's front comes first. Events due within
/// the wheel's horizon go to the wheel whichever way they are scheduled.
extension Simulation {
  /// Schedules `payload` to be returned `delay` after `now`, exactly as `schedule(_:after:)`
  /// would order it, but in a FIFO lane shared by all events with the same delay: O(1) instead
  /// of O(log n), and the heap stays small. Meant for delays many events share, such as
  /// timeouts and hop latencies. Lane events cannot be cancelled (they have no `EventID`). At
  /// most `maximumLaneCount` lanes exist; a new delay takes an empty lane when all are in use,
  /// and falls back to the heap when none is empty.
  ///
  /// - Complexity: O(1) (O(log n) when it falls back to the heap)
  @inlinable
  public mutating func scheduleInLane(_ payload: Payload, after delay: SimDuration) {
    scheduleInLane(payload, after: delay, compacting: { _ in false })
  }

  /// `scheduleInLane(_:after:)`; when the lane is full, its entries that `isObsolete` says can
  /// no longer matter are dropped first (see `nextEvent(until:skipping:)`), so a lane of long
  /// timeouts holds about as many entries as are still live, not every one ever armed.
  ///
  /// - Complexity: amortised O(1)
  @inlinable
  @inline(__always)  // short and hot: a call costs a fair share of the work
  public mutating func scheduleInLane(
    _ payload: Payload, after delay: SimDuration, compacting isObsolete: (Payload) -> Bool
  ) {
    // One unsigned comparison admits exactly the delays that are not negative and end before
    // `Int64.max` (which marks an empty lane's front), as the clock is never negative; the
    // others go the checked way (a negative delay or an overflow traps there).
    guard UInt64(bitPattern: delay.nanoseconds) < UInt64(bitPattern: Int64.max &- clock.nanoseconds) else {
      precondition(delay.nanoseconds >= 0, "an event cannot be scheduled before now")
      schedule(payload, at: clock + delay)
      return
    }
    let time = clock.nanoseconds &+ delay.nanoseconds
    if EventWheel<Payload>.covers(time, now: clock.nanoseconds) {
      precondition(nextSequence < LaneFront.sequenceLimit, "too many events")
      wheel.insert(payload, time: time, order: ScheduledEntry.laneOrder(nextSequence))
      nextSequence &+= 1
      return
    }
    scheduleInFarLane(payload, at: time, delay: delay.nanoseconds, compacting: isObsolete)
  }

  /// `scheduleInLane` for an event beyond the wheel's horizon: to its delay's lane, or to the
  /// heap when every lane holds other delays.
  @inlinable
  @inline(never)
  mutating func scheduleInFarLane(_ payload: Payload, at time: Int64, delay: Int64, compacting isObsolete: (Payload) -> Bool) {
    guard let lane = lanes.lane(forDelay: delay) else {
      schedule(payload, at: SimTime(nanoseconds: time))
      return
    }
    let sequence = nextSequence
    nextSequence &+= 1
    lanes.append(.init(time: time, sequence: sequence, payload: payload), toLane: lane, compacting: isObsolete)
    lowerFarBound(time: time, order: ScheduledEntry.laneOrder(sequence))
  }
}
