/// Storage for one pending event's payload in `Simulation`'s slot array.
///
/// A slot is *live* while its event is pending (`payload != nil`), a *tombstone* after its
/// event is cancelled but before the heap entry is popped (`payload == nil`, `sequence` still
/// the event's), and *free* once the heap entry is gone (`sequence == PayloadSlot.freeMarker`).
/// Keeping the sequence lets `cancel` reject stale IDs whose slot has been reused.
@usableFromInline
struct PayloadSlot<Payload> {
  @usableFromInline var sequence: UInt64
  @usableFromInline var payload: Payload?

  /// The sequence stored in a free slot; no event ever gets it.
  @usableFromInline static var freeMarker: UInt64 { .max }

  @inlinable
  init(sequence: UInt64, payload: Payload?) {
    self.sequence = sequence
    self.payload = payload
  }
}

extension PayloadSlot: Sendable where Payload: Sendable {}
