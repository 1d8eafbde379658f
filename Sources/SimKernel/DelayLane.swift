/// A FIFO of pending events that were all scheduled with the same delay.
///
/// Events scheduled `delay` after a clock that never goes backwards come due in scheduling
/// order, so a plain queue is already sorted by `(time, sequence)`: appending and popping are
/// O(1) instead of the heap's O(log n), and the heap stays small. Timeouts are the case that
/// matters: every exchange arms one, almost none fire, and all share a handful of durations.
@usableFromInline
struct DelayLane<Payload> {
  @usableFromInline
  struct Entry {
    @usableFromInline let time: Int64
    @usableFromInline let sequence: UInt64
    @usableFromInline let payload: Payload

    @inlinable
    init(time: Int64, sequence: UInt64, payload: Payload) {
      self.time = time
      self.sequence = sequence
      self.payload = payload
    }
  }

  /// The delay every event of the lane was scheduled with, in nanoseconds.
  @usableFromInline private(set) var delay: Int64
  /// A ring of slots (a power of two of them, or none): the pending entries are the `count`
  /// slots from `head` on, wrapping around; the other slots hold stale copies.
  @usableFromInline var ring: ContiguousArray<Entry>
  @usableFromInline var head: Int
  @usableFromInline var count: Int

  @inlinable
  init(delay: Int64) {
    self.delay = delay
    ring = []
    head = 0
    count = 0
  }

  /// Gives an empty lane a new delay, keeping its ring (a lane changes delay when all lanes
  /// are in use and this one has emptied).
  @inlinable
  mutating func reuse(delay: Int64) {
    precondition(count == 0, "only an empty lane can change its delay")
    self.delay = delay
    head = 0
  }

  @inlinable
  var isEmpty: Bool { count == 0 }

  /// The earliest pending entry. The lane must not be empty.
  @inlinable
  var front: Entry { ring[head] }

  /// Pending entry `index` (0 is the front).
  @inlinable
  func entry(_ index: Int) -> Entry { ring[(head &+ index) & (ring.count &- 1)] }

  @inlinable
  mutating func append(_ entry: Entry) {
    if count == ring.count {
      grow(adding: entry)
      return
    }
    ring[(head &+ count) & (ring.count &- 1)] = entry
    count &+= 1
  }

  /// `append(_:)`, but a full lane first drops the entries `isObsolete` says can no longer
  /// matter, keeping the others in order; it grows only when that frees less than half of it
  /// (so dropping stays amortised O(1) per append).
  @inlinable
  mutating func append(_ entry: Entry, compacting isObsolete: (Payload) -> Bool) {
    if count == ring.count && count > 0 {
      removeAll(where: isObsolete)
      if count * 2 > ring.count {
        grow(adding: entry)
        return
      }
    }
    append(entry)
  }

  /// Drops the pending entries for which `isObsolete` is true; the others keep their order and
  /// move to the front of the ring.
  @inlinable
  mutating func removeAll(where isObsolete: (Payload) -> Bool) {
    let mask = ring.count &- 1
    var kept = 0
    for index in 0..<count {
      let entry = ring[(head &+ index) & mask]
      if isObsolete(entry.payload) { continue }
      ring[(head &+ kept) & mask] = entry
      kept &+= 1
    }
    count = kept
  }

  @inlinable
  mutating func removeFront() {
    head = (head &+ 1) & (ring.count &- 1)
    count &-= 1
  }

  /// Doubles the ring (at least 16 slots), the pending entries first and in order, then
  /// `entry`; the spare slots are filled with copies of `entry`.
  @inlinable
  mutating func grow(adding entry: Entry) {
    let size = Swift.max(16, ring.count * 2)
    var bigger = ContiguousArray<Entry>()
    bigger.reserveCapacity(size)
    for index in 0..<count { bigger.append(self.entry(index)) }
    bigger.append(entry)
    while bigger.count < size { bigger.append(entry) }
    ring = bigger
    head = 0
    count += 1
  }
}

extension DelayLane: Sendable where Payload: Sendable {}
extension DelayLane.Entry: Sendable where Payload: Sendable {}
