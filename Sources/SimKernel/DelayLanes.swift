/// All delay lanes of one `Simulation`: up to `capacity` FIFO rings (`DelayLane`), one per
/// distinct delay, the tournament over their fronts (`LaneTournament`) and a direct-mapped
/// hint from a delay to its lane, in memory this object owns.
///
/// A class so that a lane event is appended or popped with plain stores through pointers: the
/// (noncopyable) `Simulation` that owns it is its only user, and `copy()` gives a copy its own
/// (`init(copying:)`), where nested arrays would each check on every write that they are not
/// shared.
@usableFromInline
final class DelayLanes<Payload> {
  /// Most lanes.
  @usableFromInline let capacity: Int
  /// Lanes opened so far (never more than `capacity`); lanes are never closed, only reused.
  @usableFromInline private(set) var count: Int
  /// `capacity` lane descriptors, all initialised: the first `count` are the lanes in use, the
  /// others unused (`DelayLane.unusedDelay`, which no event's delay matches, so that a hint
  /// confirms a lane with one comparison and no range check).
  @usableFromInline let rings: UnsafeMutablePointer<DelayLane<Payload>>
  /// The lanes' fronts, and which is earliest.
  @usableFromInline let fronts: LaneTournament
  /// `hintCount` lane indices, by `hintBucket(_:)` of a delay: the lane that last had a delay
  /// with that bucket. A hit is confirmed against the lane's delay; a miss searches the lanes.
  @usableFromInline let hints: UnsafeMutablePointer<UInt8>

  /// Size of `hints`: a power of two, well above the number of lanes so that collisions
  /// between the delays in use are rare.
  @usableFromInline static var hintCount: Int { 128 }

  /// No lanes yet; room for `capacity` (at most 256).
  @inlinable
  init(capacity: Int) {
    precondition(capacity > 0 && capacity <= 256, "lane indices must fit in a byte")
    self.capacity = capacity
    count = 0
    rings = .allocate(capacity: capacity)
    rings.initialize(repeating: DelayLane(delay: DelayLane<Payload>.unusedDelay), count: capacity)
    fronts = LaneTournament(laneCapacity: capacity)
    hints = .allocate(capacity: DelayLanes.hintCount)
    hints.initialize(repeating: 0, count: DelayLanes.hintCount)
  }

  @inlinable
  init(copying other: DelayLanes) {
    capacity = other.capacity
    count = other.count
    rings = .allocate(capacity: capacity)
    for lane in 0..<count { (rings + lane).initialize(to: other.rings[lane].copy()) }
    (rings + count).initialize(repeating: DelayLane(delay: DelayLane<Payload>.unusedDelay), count: capacity - count)
    fronts = other.fronts.copy()
    hints = .allocate(capacity: DelayLanes.hintCount)
    hints.initialize(from: other.hints, count: DelayLanes.hintCount)
  }

  @inlinable
  deinit {
    for lane in 0..<count { rings[lane].destroy() }
    rings.deinitialize(count: capacity)
    rings.deallocate()
    fronts.deallocate()
    hints.deallocate()
  }

  /// Lane `lane` (read only; for inspection).
  @inlinable
  func lane(_ lane: Int) -> DelayLane<Payload> {
    precondition(lane >= 0 && lane < count, "no such lane")
    return rings[lane]
  }

  /// Pending events in all lanes.
  ///
  /// - Complexity: O(lanes)
  @inlinable
  var pendingCount: Int {
    var total = 0
    for lane in 0..<count { total += rings[lane].count }
    return total
  }

  /// The `hints` bucket of `delay`: the top bits of one SplitMix64 mixing round (delays are
  /// often round decimal numbers, whose low bits, or a plain multiplicative hash, collide:
  /// without the xor-shift two of ColorTeller's hot delays share a bucket).
  @inlinable
  static func hintBucket(_ delay: Int64) -> Int {
    let bits = UInt64(bitPattern: delay)
    return Int(truncatingIfNeeded: ((bits ^ (bits &>> 30)) &* 0xbf58_476d_1ce4_e5b9) &>> 57)
  }

  /// The lane for `delay`, or nil when every lane holds events with other delays.
  @inlinable
  @inline(__always)
  func lane(forDelay delay: Int64) -> Int? {
    let bucket = DelayLanes.hintBucket(delay)
    let hint = Int(hints[bucket])
    // Every descriptor is initialised and an unused one matches no delay: no range check.
    if rings[hint].delay == delay { return hint }
    return claimLane(forDelay: delay, bucket: bucket)
  }

  /// `lane(forDelay:)` when the hint missed: searches the lanes, opens a new lane or gives an
  /// empty lane the new delay, and remembers the answer in `hints`.
  @inlinable
  @inline(never)
  func claimLane(forDelay delay: Int64, bucket: Int) -> Int? {
    var lane = 0
    while lane < count && rings[lane].delay != delay { lane += 1 }
    if lane == count {
      if count < capacity {
        rings[count] = DelayLane(delay: delay)
        count += 1
      } else if let idle = (0..<count).first(where: { rings[$0].isEmpty }) {
        // An empty lane holds no order to keep: it takes the new delay.
        lane = idle
        rings[lane].reuse(delay: delay)  // keeps its ring: no allocation
      } else {
        return nil
      }
    }
    hints[bucket] = UInt8(truncatingIfNeeded: lane)
    return lane
  }

  /// Appends `entry` to lane `lane` (see `DelayLane.append(_:compacting:)`) and keeps the
  /// tournament up to date.
  @inlinable
  @inline(__always)
  func append(_ entry: DelayLane<Payload>.Entry, toLane lane: Int, compacting isObsolete: (Payload) -> Bool) {
    // `lane` comes from `lane(forDelay:)`, which only names lanes in use.
    assert(lane >= 0 && lane < count, "no such lane")
    precondition(entry.sequence < LaneFront.sequenceLimit, "too many events")
    let ring = rings + lane
    let before = ring.pointee.count
    if before == 0 {
      ring.pointee.append(entry)
      fronts.lower(LaneFront(time: entry.time, sequence: entry.sequence, lane: lane))
    } else if before == ring.pointee.capacity {
      appendToFullLane(entry, lane: lane, compacting: isObsolete)
    } else {
      ring.pointee.appendWithRoom(entry)  // behind a pending entry: the front stays
    }
  }

  /// `append(_:toLane:compacting:)` to a full lane: it drops its obsolete entries first (or
  /// grows), which may change its front.
  @inlinable
  @inline(never)
  func appendToFullLane(_ entry: DelayLane<Payload>.Entry, lane: Int, compacting isObsolete: (Payload) -> Bool) {
    rings[lane].append(entry, compacting: isObsolete)
    refreshFront(of: lane)
  }

  /// The payload of the earliest lane event, which `winner` (the tournament's, not empty)
  /// names. A tournament leaf that is not empty always belongs to a lane in use with that
  /// front (`Simulation.invariantViolation()` checks it), so the lane is read unchecked.
  @inlinable
  @inline(__always)
  func payload(of winner: LaneFront) -> Payload {
    assert(!winner.isEmpty && winner.lane < count && !rings[winner.lane].isEmpty, "the winner is not a pending lane event")
    return rings[winner.lane].slot(0).pointee.payload
  }

  /// Removes the earliest lane event, which `winner` (the tournament's, not empty) names, and
  /// replays its lane's matches with the lane's next front, without the checks that the
  /// tournament's invariant makes redundant.
  @inlinable
  @inline(__always)
  func removeWinner(_ winner: LaneFront) {
    let lane = winner.lane
    assert(!winner.isEmpty && lane < count && !rings[lane].isEmpty, "the winner is not a pending lane event")
    let ring = rings + lane
    ring.pointee.slot(0).deinitialize(count: 1)  // no code for a trivial payload
    ring.pointee.head = (ring.pointee.head &+ 1) & (ring.pointee.capacity &- 1)
    ring.pointee.count &-= 1
    if ring.pointee.count == 0 {
      fronts.replay(.empty(lane: lane))
    } else {
      let next = ring.pointee.slot(0)
      fronts.replay(LaneFront(time: next.pointee.time, sequence: next.pointee.sequence, lane: lane))
    }
  }

  /// Copies lane `lane`'s front time and sequence into the tournament.
  @inlinable
  @inline(__always)
  func refreshFront(of lane: Int) {
    if rings[lane].isEmpty {
      fronts.update(.empty(lane: lane))
    } else {
      let next = rings[lane].slot(0)
      fronts.update(LaneFront(time: next.pointee.time, sequence: next.pointee.sequence, lane: lane))
    }
  }
}

/// One `Simulation` owns each `DelayLanes` alone (copies get their own), so sending the
/// simulation to another thread sends its lanes with it and nothing else can reach them.
extension DelayLanes: @unchecked Sendable where Payload: Sendable {}
