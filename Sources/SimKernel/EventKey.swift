/// The total order of scheduled events: by time, then priority, then scheduling order.
///
/// `sequence` is the kernel's scheduling counter (NIO's insert order, ns-3's uid), so events
/// with equal time and priority run first-in first-out and the order never depends on heap
/// internals.
public struct EventKey: Comparable, Hashable, Sendable {
  /// When the event is due.
  public let time: SimTime
  /// Tie-breaker between events due at the same instant.
  public let priority: EventPriority
  /// The kernel's scheduling counter at the moment the event was scheduled.
  public let sequence: UInt64

  @inlinable
  public init(time: SimTime, priority: EventPriority, sequence: UInt64) {
    self.time = time
    self.priority = priority
    self.sequence = sequence
  }

  @inlinable
  public static func < (lhs: EventKey, rhs: EventKey) -> Bool {
    if lhs.time != rhs.time { return lhs.time < rhs.time }
    if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
    return lhs.sequence < rhs.sequence
  }
}
