/// Identifies one scheduled event so that it can be cancelled.
///
/// The `sequence` is unique within a `Simulation`; the slot locates the event's payload so
/// cancellation is O(1). An ID for an event that already ran or was cancelled is harmless:
/// cancelling it again does nothing.
public struct EventID: Hashable, Sendable {
  /// The event's scheduling counter (its position in scheduling order).
  public let sequence: UInt64
  /// Where the kernel stores the event's payload while it is pending: a heap slot, or a wheel
  /// node with `wheelBit` set.
  @usableFromInline let slot: UInt32

  /// Set in `slot` for an event in the timing wheel (`EventWheel`).
  @usableFromInline static var wheelBit: UInt32 { 1 &<< 31 }

  @inlinable
  init(sequence: UInt64, slot: UInt32) {
    self.sequence = sequence
    self.slot = slot
  }
}
