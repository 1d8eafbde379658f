/// Which of two events scheduled for the same instant runs first (SimPy's URGENT/NORMAL).
///
/// `.urgent` is for things that must take effect before ordinary work at the same instant,
/// such as initialisation and faults; everything else is `.normal`. Among events of equal
/// time and priority the one scheduled first runs first.
public enum EventPriority: UInt8, Comparable, Sendable, CaseIterable {
  /// Runs before `.normal` events at the same instant.
  case urgent = 0
  /// The default.
  case normal = 1

  @inlinable
  public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
