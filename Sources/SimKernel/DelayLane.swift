/// A FIFO of pending events that were all scheduled with the same delay.
///
/// Events scheduled `delay` after a clock that never goes backwards come due in scheduling
/// order, so a plain queue is already sorted by `(time, sequence)`: appending and popping are
/// O(1) instead of the heap's O(log n), and the heap stays small. Timeouts are the case that
/// matters: every exchange arms one, almost none fire, and all share a handful of durations.
///
/// The lane is a ring over memory it allocates itself (a power of two of slots, or none): the
/// pending entries are the `count` initialised slots from `head` on, wrapping around; the
/// other slots are uninitialised. It does not free that memory by itself: its owner,
/// `DelayLanes`, calls `copy()` and `destroy()` (a lane is a plain descriptor so that the
/// owner can keep all lanes in one block and change them in place, without copy-on-write
/// checks on every event).
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

  /// The delay every event of the lane was scheduled with, in nanoseconds (`unusedDelay` for a
  /// descriptor that is not a lane yet).
  @usableFromInline private(set) var delay: Int64

  /// Slots of a ring's first allocation. A lane of timeouts, nearly all obsolete by the time
  /// it fills, is compacted each time it fills: the larger the ring, the fewer compactions
  /// (each with a fixed cost and a second look at the entries still live) per entry dropped.
  @usableFromInline static var minimumCapacity: Int { 64 }

  /// The delay of a descriptor that is not a lane yet: negative, so no event's delay matches.
  @usableFromInline static var unusedDelay: Int64 { -1 }
  /// The ring's slots; nil until the first entry arrives.
  @usableFromInline var slots: UnsafeMutablePointer<Entry>?
  /// Number of slots: zero or a power of two.
  @usableFromInline var capacity: Int
  @usableFromInline var head: Int
  @usableFromInline var count: Int

  @inlinable
  init(delay: Int64) {
    self.delay = delay
    slots = nil
    capacity = 0
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

  /// The address of pending entry `index` (0 is the front).
  @inlinable
  func slot(_ index: Int) -> UnsafeMutablePointer<Entry> {
    slots.unsafelyUnwrapped + ((head &+ index) & (capacity &- 1))
  }

  /// The earliest pending entry. The lane must not be empty.
  @inlinable
  var front: Entry {
    precondition(count > 0, "an empty lane has no front")
    return slot(0).pointee
  }

  /// Pending entry `index` (0 is the front).
  @inlinable
  func entry(_ index: Int) -> Entry {
    precondition(index >= 0 && index < count, "no such entry")
    return slot(index).pointee
  }

  @inlinable
  mutating func append(_ entry: Entry) {
    if count == capacity { grow() }
    slot(count).initialize(to: entry)
    count &+= 1
  }

  /// `append(_:)` to a lane with room to spare (`count < capacity`), so no check for growth.
  @inlinable
  mutating func appendWithRoom(_ entry: Entry) {
    assert(count < capacity, "the lane is full")
    slot(count).initialize(to: entry)
    count &+= 1
  }

  /// `append(_:)`, but a full lane first drops the entries `isObsolete` says can no longer
  /// matter, keeping the others in order; it grows only when that frees less than half of it
  /// (so dropping stays amortised O(1) per append).
  @inlinable
  mutating func append(_ entry: Entry, compacting isObsolete: (Payload) -> Bool) {
    if count == capacity { makeRoom(compacting: isObsolete) }
    slot(count).initialize(to: entry)
    count &+= 1
  }

  /// Makes room in a full lane for one more entry: drops the obsolete entries, and grows
  /// unless that freed at least half of the ring.
  @inlinable
  @inline(never)
  mutating func makeRoom(compacting isObsolete: (Payload) -> Bool) {
    if count > 0 { removeAll(where: isObsolete) }
    if count * 2 > capacity || capacity == 0 { grow() }
  }

  /// Drops the pending entries for which `isObsolete` is true; the others keep their order and
  /// move to the front of the ring.
  @inlinable
  mutating func removeAll(where isObsolete: (Payload) -> Bool) {
    var kept = 0
    for index in 0..<count {
      let source = slot(index)
      if isObsolete(source.pointee.payload) {
        source.deinitialize(count: 1)
        continue
      }
      if kept != index { slot(kept).moveInitialize(from: source, count: 1) }
      kept &+= 1
    }
    count = kept
  }

  /// Doubles the ring (at least `minimumCapacity` slots), moving the pending entries to its
  /// start in order.
  @inlinable
  @inline(never)
  mutating func grow() {
    let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: Swift.max(DelayLane.minimumCapacity, capacity * 2))
    for index in 0..<count { (bigger + index).moveInitialize(from: slot(index), count: 1) }
    slots?.deallocate()
    slots = bigger
    capacity = Swift.max(DelayLane.minimumCapacity, capacity * 2)
    head = 0
  }

  /// A lane with the same delay and a ring of its own holding copies of the pending entries.
  @inlinable
  func copy() -> DelayLane {
    var copy = self
    guard let slots else { return copy }
    copy.slots = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    for index in 0..<count {
      let position = (head &+ index) & (capacity &- 1)
      (copy.slots.unsafelyUnwrapped + position).initialize(to: slots[position])
    }
    return copy
  }

  /// Releases the pending entries and the ring. The lane must not be used afterwards.
  @inlinable
  func destroy() {
    for index in 0..<count { slot(index).deinitialize(count: 1) }
    slots?.deallocate()
  }
}
