/// The time and sequence of a delay lane's earliest pending event, as `Simulation` keeps them
/// side by side for all lanes so that finding the next event scans one flat array.
@usableFromInline
struct LaneFront: Sendable {
  /// Due time in nanoseconds; `Int64.max` when the lane is empty.
  @usableFromInline var time: Int64
  /// Scheduling counter of the front event; `UInt64.max` when the lane is empty.
  @usableFromInline var sequence: UInt64

  @inlinable
  init(time: Int64, sequence: UInt64) {
    self.time = time
    self.sequence = sequence
  }

  /// The front of an empty lane: later than every event.
  @inlinable
  static var empty: LaneFront { LaneFront(time: .max, sequence: .max) }
}
