/// Storage for one pending event's payload in `Simulation`'s slot array.
///
/// A slot is *live* while its event is pending (`payload != nil`), a *tombstone* after its
/// event is cancelled but before the heap entry is popped (`payload == nil`, `sequence` still
/// the event's), and *free* once the heap entry is gone (`isFree`: `payload == nil` and
/// `sequence` holds `freeBit` and the index of the next free slot, so the free slots form a
/// list threaded through the array). Keeping the sequence lets `cancel` reject stale IDs whose
/// slot has been reused; no event's sequence has `freeBit` set.
@usableFromInline
struct PayloadSlot<Payload> {
  @usableFromInline var sequence: UInt64
  @usableFromInline var payload: Payload?

  /// Set in the `sequence` of a free slot; no event's sequence has it.
  @usableFromInline static var freeBit: UInt64 { 1 &<< 63 }
  /// The end of the free list: no slot has this index.
  @usableFromInline static var noSlot: UInt32 { .max }

  /// Whether the slot is free.
  @inlinable
  var isFree: Bool { sequence & PayloadSlot.freeBit != 0 }

  /// The next free slot after this free one (`noSlot` at the end of the list).
  @inlinable
  var nextFree: UInt32 { UInt32(truncatingIfNeeded: sequence) }

  /// Marks the slot free, `next` following it in the free list. Its payload must be gone.
  @inlinable
  mutating func markFree(next: UInt32) {
    sequence = PayloadSlot.freeBit | UInt64(next)
  }

  @inlinable
  init(sequence: UInt64, payload: Payload?) {
    self.sequence = sequence
    self.payload = payload
  }
}

extension PayloadSlot: Sendable where Payload: Sendable {}
