/// The events of one `Simulation` scheduled with `schedule`: the binary min-heap of their
/// `ScheduledEntry`s (the future event list proper) and the payload slots the entries point to,
/// with their free list (see `PayloadSlot`), in memory this object owns.
///
/// A class so that scheduling or running a heap event is plain loads and stores through
/// pointers: the (noncopyable) `Simulation` that owns it is its only user, and `copy()` gives a
/// copy its own (`init(copying:)`), where two arrays would each check on every write that they
/// are not shared, and check every index. Every heap entry owns a distinct slot, so the entries
/// never outnumber the slots, and one capacity serves both.
@usableFromInline
final class ScheduledEvents<Payload> {
  /// The heap: `entryCount` entries in level order (see `HeapOrder`), room for `capacity`.
  @usableFromInline var entries: UnsafeMutablePointer<ScheduledEntry>
  @usableFromInline var entryCount: Int
  /// `slotCount` initialised slots (live, cancelled or free), room for `capacity`.
  @usableFromInline var slots: UnsafeMutablePointer<PayloadSlot<Payload>>
  @usableFromInline var slotCount: Int
  @usableFromInline var capacity: Int
  /// The first free slot (`PayloadSlot.noSlot` when none): the free slots form a list
  /// threaded through `slots`, most recently freed first.
  @usableFromInline var firstFreeSlot: UInt32
  /// No events, no memory.
  @inlinable
  init() {
    entries = .allocate(capacity: 0)
    entryCount = 0
    slots = .allocate(capacity: 0)
    slotCount = 0
    capacity = 0
    firstFreeSlot = PayloadSlot<Payload>.noSlot
  }

  /// The same events in memory of its own.
  @inlinable
  init(copying other: ScheduledEvents) {
    capacity = other.capacity
    entryCount = other.entryCount
    slotCount = other.slotCount
    firstFreeSlot = other.firstFreeSlot
    entries = .allocate(capacity: capacity)
    entries.initialize(from: other.entries, count: entryCount)
    slots = .allocate(capacity: capacity)
    slots.initialize(from: other.slots, count: slotCount)
  }

  @inlinable
  deinit {
    slots.deinitialize(count: slotCount)
    slots.deallocate()
    entries.deallocate()
  }

  /// The earliest entry, or nil when the heap is empty.
  @inlinable
  var min: ScheduledEntry? { entryCount > 0 ? entries[0] : nil }

  /// Heap entry `index` (level order; for inspection).
  @inlinable
  func entry(_ index: Int) -> ScheduledEntry {
    precondition(UInt(bitPattern: index) < UInt(bitPattern: entryCount), "no such heap entry")
    return entries[index]
  }

  /// Slot `index`. Reading or writing a slot past `slotCount` is an error (checked with one
  /// unsigned comparison: a negative index reads as a huge one).
  @inlinable
  subscript(slot index: Int) -> PayloadSlot<Payload> {
    _read {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: slotCount), "no such payload slot")
      yield slots[index]
    }
    _modify {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: slotCount), "no such payload slot")
      yield &slots[index]
    }
  }

  /// Stores `payload` in a slot (the most recently freed, or a new one) and adds its heap
  /// entry; returns the slot.
  ///
  /// - Complexity: O(log n); amortised O(1) growth
  @inlinable
  @inline(__always)
  func insert(_ payload: Payload, time: Int64, priority: EventPriority, sequence: UInt64) -> UInt32 {
    let slot: UInt32
    if firstFreeSlot != PayloadSlot<Payload>.noSlot {
      slot = firstFreeSlot
      let freed = slots + Int(slot)
      firstFreeSlot = freed.pointee.nextFree
      freed.pointee = PayloadSlot(sequence: sequence, payload: payload)
    } else {
      precondition(slotCount < Int(EventID.wheelBit), "too many pending events")
      if slotCount == capacity { grow() }
      slot = UInt32(truncatingIfNeeded: slotCount)
      (slots + slotCount).initialize(to: PayloadSlot(sequence: sequence, payload: payload))
      slotCount &+= 1
    }
    let entry = ScheduledEntry(time: time, priority: priority, sequence: sequence, slot: slot)
    (entries + entryCount).initialize(to: entry)
    entryCount &+= 1
    HeapOrder.siftUp(entry, from: entryCount &- 1, in: entries)
    return slot
  }

  /// Removes the earliest entry (its slot stays as it is). The heap must not be empty.
  ///
  /// - Complexity: O(log n)
  @inlinable
  @inline(__always)
  func removeMin() {
    precondition(entryCount > 0, "removeMin() on an empty heap")
    entryCount &-= 1
    if entryCount > 0 { _ = HeapOrder.replaceMin(with: entries[entryCount], in: entries, count: entryCount) }
  }

  /// The payload of the live event in slot `slot`, which the caller has just taken from a heap
  /// entry (every entry owns a slot in range; the top entry's is always live, see
  /// `Simulation.discardCancelledTop`): read without a second check.
  @inlinable
  @inline(__always)
  func payload(ofLive slot: UInt32) -> Payload {
    assert(Int(slot) < slotCount && slots[Int(slot)].payload != nil, "not a live slot")
    return slots[Int(slot)].payload.unsafelyUnwrapped
  }

  /// Drops slot `slot`'s payload (read already with `payload(ofLive:)`, cancelled, or obsolete)
  /// and puts the slot at the head of the free list. The slot's heap entry must be gone.
  @inlinable
  @inline(__always)
  func discard(_ slot: UInt32) {
    let freed = slots + Int(slot)
    freed.pointee.payload = nil
    freed.pointee.markFree(next: firstFreeSlot)
    firstFreeSlot = slot
  }

  /// Makes room for at least `minimumCapacity` events.
  @inlinable
  func reserveCapacity(_ minimumCapacity: Int) {
    if minimumCapacity > capacity { reallocate(capacity: minimumCapacity) }
  }

  /// Doubles the room (at least 16 events).
  @inlinable
  @inline(never)
  func grow() {
    reallocate(capacity: Swift.max(16, capacity * 2))
  }

  /// Moves the entries and slots to memory for `newCapacity` events.
  @inlinable
  func reallocate(capacity newCapacity: Int) {
    entries = entries.moved(count: entryCount, toNewCapacity: newCapacity)
    slots = slots.moved(count: slotCount, toNewCapacity: newCapacity)
    capacity = newCapacity
  }
}

/// One `Simulation` owns each `ScheduledEvents` alone (copies get their own), so sending the
/// simulation to another thread sends its storage with it and nothing else can reach it.
extension ScheduledEvents: @unchecked Sendable where Payload: Sendable {}
