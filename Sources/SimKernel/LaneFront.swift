/// The time and sequence of a delay lane's earliest pending event, and the lane's index: what
/// `LaneTournament` compares to find the earliest event of all lanes.
@usableFromInline
struct LaneFront: Sendable {
  /// Due time in nanoseconds; `Int64.max` when the lane is empty (lane events due then go to
  /// the heap instead, so the marker is unambiguous).
  @usableFromInline var time: Int64
  /// Scheduling counter of the front event; `UInt64.max` when the lane is empty.
  @usableFromInline var sequence: UInt64
  /// The lane (its index in `Simulation.lanes`).
  @usableFromInline var lane: Int

  @inlinable
  init(time: Int64, sequence: UInt64, lane: Int) {
    self.time = time
    self.sequence = sequence
    self.lane = lane
  }

  /// The front of an empty lane: later than every event.
  @inlinable
  static func empty(lane: Int) -> LaneFront { LaneFront(time: .max, sequence: .max, lane: lane) }

  /// Whether this is the front of an empty lane.
  @inlinable
  var isEmpty: Bool { time == .max }

  /// Whether this front's event runs before `other`'s. Lane events are all `.normal`, so the
  /// sequence breaks ties between equal times.
  @inlinable
  func precedes(_ other: LaneFront) -> Bool {
    time < other.time || (time == other.time && sequence < other.sequence)
  }
}
