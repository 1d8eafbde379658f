/// Identifies one scheduled event so that it can be cancelled.
///
/// The `sequence` is unique within a `Simulation`; the slot locates the event's payload so
/// cancellation is O(1). An ID for an event that already ran or was cancelled is harmless:
/// cancelling it again does nothing.
public struct EventID: Hashable, Sendable {
  /// The event's scheduling counter (its position in scheduling order).
  public let sequence: UInt64
  /// Where the kernel stores the event's payload while it is pending.
  @usableFromInline let slot: UInt32

  @inlinable
  init(sequence: UInt64, slot: UInt32) {
    self.sequence = sequence
    self.slot = slot
  }
}
