/// One pending event of the timing wheel (`EventWheel`), or a free node: its `EventKey` packed
/// as `ScheduledEntry` packs it, its payload, and the next node of its bucket's list (or of the
/// free list).
///
/// A free node has `order == freeOrder` (no event's order) and no payload, so a stale
/// `EventID` naming a reused or freed node is told apart from the live event by its sequence.
@usableFromInline
struct WheelNode<Payload> {
  /// The due time in nanoseconds.
  @usableFromInline var time: Int64
  /// `priority << 63 | sequence` (see `ScheduledEntry.order`); `freeOrder` for a free node.
  @usableFromInline var order: UInt64
  /// The next node of the same bucket (later in `(time, order)`), or of the free list;
  /// `EventWheel.noNode` at the end.
  @usableFromInline var next: UInt32
  /// The event's payload; nil for a free node.
  @usableFromInline var payload: Payload?

  /// The order of a free node: above every event's (sequences stay below `2^56`).
  @usableFromInline static var freeOrder: UInt64 { .max }

  @inlinable
  init(time: Int64, order: UInt64, next: UInt32, payload: Payload?) {
    self.time = time
    self.order = order
    self.next = next
    self.payload = payload
  }

  /// Whether this node's event runs before an event due at `time` with order `order`.
  @inlinable
  func precedes(time: Int64, order: UInt64) -> Bool {
    self.time < time || (self.time == time && self.order < order)
  }
}

extension WheelNode: Sendable where Payload: Sendable {}
