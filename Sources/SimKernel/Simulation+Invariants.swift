#if DEBUG
extension Simulation {
  /// A description of the first broken internal invariant, or nil when all hold. Debug
  /// builds only; tests call it after every operation of a random sweep.
  ///
  /// Checks the heap order; that every heap entry owns a distinct slot holding its sequence;
  /// that the free list holds every other slot, cleared, once; that the tombstone count
  /// matches; that the top of the heap is live; that the lane tournament holds every lane's
  /// front and names the earliest; that every lane is in `(time, sequence)` order; that no
  /// pending event is before `now`; the timing wheel's own invariants
  /// (`EventWheel.invariantViolation(now:)`); and that the far bound is at or before every
  /// far event.
  ///
  /// - Complexity: O(n)
  public func invariantViolation() -> String? {
    for index in 1..<Swift.max(1, heap.entryCount) where heap.entry(index) < heap.entry((index - 1) / 2) {
      return "heap order broken: entry at \(index) is earlier than its parent at \((index - 1) / 2)"
    }
    let slots = (0..<heap.slotCount).map { heap[slot: $0] }
    var owner = [Bool](repeating: false, count: slots.count)
    var tombstones = 0
    for entry in (0..<heap.entryCount).map(heap.entry) {
      if entry.time < clock.nanoseconds { return "pending event \(entry.sequence) is in the past" }
      let index = Int(entry.slot)
      guard index < slots.count else { return "heap entry points past the slot array" }
      guard !owner[index] else { return "two heap entries share slot \(index)" }
      owner[index] = true
      guard slots[index].sequence == entry.sequence else {
        return "slot \(index) holds sequence \(slots[index].sequence), heap says \(entry.sequence)"
      }
      if slots[index].payload == nil { tombstones += 1 }
    }
    guard tombstones == tombstoneCount else {
      return "tombstone count \(tombstoneCount) but \(tombstones) cancelled entries in the heap"
    }
    var free = heap.firstFreeSlot
    while free != PayloadSlot<Payload>.noSlot {
      let index = Int(free)
      guard index < slots.count, !owner[index] else { return "free slot \(index) is in use, or listed twice" }
      guard slots[index].isFree, slots[index].payload == nil else { return "free slot \(index) is not cleared" }
      owner[index] = true
      free = slots[index].nextFree
    }
    guard owner.allSatisfy({ $0 }) else { return "a slot is neither pending nor free" }
    if let top = heap.min, slots[Int(top.slot)].payload == nil {
      return "the top of the heap is a cancelled event"
    }
    for index in 0..<lanes.count {
      let lane = lanes.lane(index)
      let front = lanes.fronts.front(of: index)
      let expected = lane.isEmpty ? .empty(lane: index) : LaneFront(time: lane.front.time, sequence: lane.front.sequence, lane: index)
      guard front.time == expected.time, front.key == expected.key else {
        return "lane \(index) has a stale front"
      }
      var previous: (time: Int64, sequence: UInt64)?
      for index in 0..<lane.count {
        let entry = lane.entry(index)
        if entry.time < clock.nanoseconds { return "lane event \(entry.sequence) is in the past" }
        if let previous, (previous.time, previous.sequence) >= (entry.time, entry.sequence) {
          return "lane of delay \(lane.delay) is out of order at \(entry.sequence)"
        }
        previous = (entry.time, entry.sequence)
      }
    }
    if let violation = lanes.fronts.invariantViolation(laneCount: lanes.count) { return violation }
    for bucket in 0..<DelayLanes<Payload>.hintCount where Int(lanes.hints[bucket]) >= Swift.max(lanes.count, 1) {
      return "lane hint \(bucket) points past the lanes"
    }
    if let violation = wheel.invariantViolation(now: clock.nanoseconds) { return violation }
    // The far bound is at or before the earliest far event.
    let front = lanes.fronts.winner
    if !front.isEmpty, (front.time, ScheduledEntry.laneOrder(front.sequence)) < (farTime, farOrder) {
      return "the far bound is after the earliest lane event"
    }
    if let top = heap.min, (top.time, top.order) < (farTime, farOrder) {
      return "the far bound is after the heap's top"
    }
    return nil
  }

  /// Traps when an internal invariant is broken. Debug builds only.
  ///
  /// - Complexity: O(n)
  public func checkInvariants() {
    if let violation = invariantViolation() {
      preconditionFailure(violation)
    }
  }
}
#endif

#if DEBUG
extension LaneTournament {
  /// A description of the first node that is not the earlier of its children, or of a leaf
  /// past the first `laneCount` that is not empty; nil when the tournament is consistent.
  func invariantViolation(laneCount: Int) -> String? {
    for lane in laneCount..<leafCount where !front(of: lane).isEmpty {
      return "unused lane \(lane) has a front"
    }
    for index in 1..<leafCount {
      let left = nodes[2 * index]
      let right = nodes[2 * index + 1]
      let earlier = right.precedes(left) ? right : left
      let node = nodes[index]
      guard node.time == earlier.time, node.key == earlier.key else { return "tournament node \(index) is not the earlier of its children" }
    }
    return nil
  }
}
#endif
