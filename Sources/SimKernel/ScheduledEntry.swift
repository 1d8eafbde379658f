/// One pending event as the heap stores it: its `EventKey` packed into two words, plus the
/// slot that holds its payload. 24 bytes, trivially copyable, so heap moves are plain copies.
@usableFromInline
struct ScheduledEntry: Comparable, Sendable {
  /// The due time in nanoseconds.
  @usableFromInline let time: Int64
  /// `priority << 63 | sequence`: orders by priority, then by scheduling order.
  @usableFromInline let order: UInt64
  /// Index of the payload in the simulation's slot array.
  @usableFromInline let slot: UInt32

  @usableFromInline static let sequenceMask: UInt64 = (1 << 63) - 1

  @inlinable
  init(time: Int64, priority: EventPriority, sequence: UInt64, slot: UInt32) {
    self.time = time
    self.order = ScheduledEntry.order(priority: priority, sequence: sequence)
    self.slot = slot
  }

  /// The `order` of an event of `priority` scheduled `sequence`-th: `priority << 63 | sequence`.
  @inlinable
  static func order(priority: EventPriority, sequence: UInt64) -> UInt64 {
    UInt64(priority.rawValue) &<< 63 | sequence
  }

  /// The `order` of a `.normal` event with scheduling counter `sequence`: how a lane event
  /// (always `.normal`) compares with heap entries.
  @inlinable
  static func laneOrder(_ sequence: UInt64) -> UInt64 {
    order(priority: .normal, sequence: sequence)
  }

  /// The event's scheduling counter.
  @inlinable
  var sequence: UInt64 { order & ScheduledEntry.sequenceMask }

  /// The full ordering key.
  @inlinable
  var key: EventKey {
    EventKey(
      time: SimTime(nanoseconds: time),
      priority: order &>> 63 == 0 ? .urgent : .normal,
      sequence: sequence)
  }

  @inlinable
  static func < (lhs: ScheduledEntry, rhs: ScheduledEntry) -> Bool {
    if lhs.time != rhs.time { return lhs.time < rhs.time }
    return lhs.order < rhs.order
  }

  @inlinable
  static func == (lhs: ScheduledEntry, rhs: ScheduledEntry) -> Bool {
    lhs.time == rhs.time && lhs.order == rhs.order
  }
}
