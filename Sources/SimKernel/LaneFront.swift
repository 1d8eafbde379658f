/// The time and sequence of a delay lane's earliest pending event, and the lane's index: what
/// `LaneTournament` compares to find the earliest event of all lanes. 16 bytes, so that a
/// tournament match is two loads and two stores.
@usableFromInline
struct LaneFront: Sendable {
  /// Due time in nanoseconds; `Int64.max` when the lane is empty (lane events due then go to
  /// the heap instead, so the marker is unambiguous).
  @usableFromInline var time: Int64
  /// `sequence << 8 | lane`: orders fronts of equal time by scheduling counter (which is
  /// unique) and names the lane. All ones above the lane when the lane is empty.
  @usableFromInline var key: UInt64

  /// Every event's scheduling counter stays below this (`2^56 - 1`: a billion events a second
  /// for two years), so that it fits in `key` and an empty lane's front, whose `sequence` is
  /// this, compares after every event, even one due at `Int64.max`.
  @usableFromInline static var sequenceLimit: UInt64 { (1 &<< 56) - 1 }

  @inlinable
  init(time: Int64, key: UInt64) {
    self.time = time
    self.key = key
  }

  @inlinable
  init(time: Int64, sequence: UInt64, lane: Int) {
    self.init(time: time, key: sequence &<< 8 | UInt64(truncatingIfNeeded: lane & 0xFF))
  }

  /// The front of an empty lane: later than every event.
  @inlinable
  static func empty(lane: Int) -> LaneFront {
    LaneFront(time: .max, key: UInt64.max &<< 8 | UInt64(truncatingIfNeeded: lane & 0xFF))
  }

  /// The scheduling counter of the front event.
  @inlinable
  var sequence: UInt64 { key &>> 8 }

  /// The lane (its index in `DelayLanes`).
  @inlinable
  var lane: Int { Int(truncatingIfNeeded: key & 0xFF) }

  /// Whether this is the front of an empty lane.
  @inlinable
  var isEmpty: Bool { time == .max }

  /// Whether this front's event runs before `other`'s. Lane events are all `.normal`, so the
  /// sequence breaks ties between equal times.
  @inlinable
  func precedes(_ other: LaneFront) -> Bool {
    time < other.time || (time == other.time && key < other.key)
  }
}
