/// Delay lanes: events many of which share one delay wait in a FIFO per delay (`DelayLane`)
/// instead of the heap; `laneFronts` knows which lane's front comes first.
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
  public mutating func scheduleInLane(
    _ payload: Payload, after delay: SimDuration, compacting isObsolete: (Payload) -> Bool
  ) {
    precondition(delay.nanoseconds >= 0, "an event cannot be scheduled before now")
    let time = clock + delay
    // `Int64.max` marks an empty lane's front.
    guard time.nanoseconds != .max, let lane = laneIndex(forDelay: delay.nanoseconds) else {
      schedule(payload, at: time)
      return
    }
    let sequence = nextSequence
    nextSequence &+= 1
    let entry = DelayLane<Payload>.Entry(time: time.nanoseconds, sequence: sequence, payload: payload)
    let before = lanes[lane].count
    if before == 0 {
      lanes[lane].append(entry)
      laneFronts.update(LaneFront(time: time.nanoseconds, sequence: sequence, lane: lane))
      return
    }
    lanes[lane].append(entry, compacting: isObsolete)
    // The front changes only when obsolete entries were dropped.
    if lanes[lane].count != before + 1 { refreshLaneFront(lane) }
  }

  /// Removes lane `lane`'s front entry and records the new front.
  @inlinable
  mutating func removeLaneFront(_ lane: Int) {
    lanes[lane].removeFront()
    refreshLaneFront(lane)
  }

  /// Copies lane `lane`'s front time and sequence into `laneFronts`.
  @inlinable
  mutating func refreshLaneFront(_ lane: Int) {
    if lanes[lane].isEmpty {
      laneFronts.update(.empty(lane: lane))
    } else {
      let next = lanes[lane].front
      laneFronts.update(LaneFront(time: next.time, sequence: next.sequence, lane: lane))
    }
  }

  /// Size of `laneHints`: a power of two, eight times `maximumLaneCount` so that collisions
  /// between the delays in use are rare.
  @usableFromInline static var laneHintCount: Int { 128 }

  /// The `laneHints` bucket of `delay`: the top bits of one SplitMix64 mixing round (delays
  /// are often round decimal numbers, whose low bits, or a plain multiplicative hash, collide).
  @inlinable
  static func laneHintBucket(_ delay: Int64) -> Int {
    let bits = UInt64(bitPattern: delay)
    return Int(truncatingIfNeeded: ((bits ^ (bits &>> 30)) &* 0xbf58_476d_1ce4_e5b9) &>> 57)
  }

  /// The lane for `delay`, or nil when every lane holds events with other delays.
  @inlinable
  mutating func laneIndex(forDelay delay: Int64) -> Int? {
    let bucket = Simulation.laneHintBucket(delay)
    let hint = Int(laneHints[bucket])
    if hint < laneDelays.count && laneDelays[hint] == delay { return hint }
    return claimLane(forDelay: delay, bucket: bucket)
  }

  /// `laneIndex(forDelay:)` when the hint missed: searches the lanes, opens a new lane or
  /// gives an empty lane the new delay, and remembers the answer in `laneHints`.
  @inlinable
  @inline(never)
  mutating func claimLane(forDelay delay: Int64, bucket: Int) -> Int? {
    var lane = laneDelays.firstIndex(of: delay) ?? laneDelays.count
    if lane == laneDelays.count {
      if lanes.count < Simulation.maximumLaneCount {
        lanes.append(DelayLane(delay: delay))
        laneDelays.append(delay)
      } else if let idle = lanes.firstIndex(where: \.isEmpty) {
        // An empty lane holds no order to keep: it takes the new delay.
        lane = idle
        lanes[lane].reuse(delay: delay)  // keeps its ring: no allocation
        laneDelays[lane] = delay
      } else {
        return nil
      }
    }
    laneHints[bucket] = UInt8(truncatingIfNeeded: lane)
    return lane
  }
}
