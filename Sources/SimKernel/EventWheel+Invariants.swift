#if DEBUG
extension EventWheel {
  /// A description of the first broken invariant of the wheel at clock `now`, or nil when all
  /// hold. Debug builds only (`Simulation.invariantViolation()` calls it).
  ///
  /// Checks that every bucket's list is in `(time, order)` order, ends at its tail and holds
  /// live nodes of that bucket, due at or after `now` and less than a turn after it; that the bitmap and its
  /// summary mark exactly the non-empty buckets; that the free list holds every other node,
  /// cleared, once; that `count` is right; and that the cached earliest event is the earliest.
  ///
  /// - Complexity: O(buckets + nodes)
  func invariantViolation(now: Int64) -> String? {
    var seen = [Bool](repeating: false, count: nodeCount)
    var live = 0
    var earliest: (time: Int64, order: UInt64)?
    for bucket in 0..<EventWheel.bucketCount {
      let marked = words[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
      guard marked == (buckets[bucket].head != EventWheel.noNode) else { return "wheel bucket \(bucket) is marked wrongly" }
      var previous: (time: Int64, order: UInt64)?
      var last = EventWheel.noNode
      var index = buckets[bucket].head
      while index != EventWheel.noNode {
        guard Int(index) < nodeCount, !seen[Int(index)] else { return "wheel node \(index) is out of range or listed twice" }
        seen[Int(index)] = true
        let node = nodes[Int(index)]
        guard node.order != WheelNode<Payload>.freeOrder, node.payload != nil else { return "wheel node \(index) is free but listed" }
        guard EventWheel.bucket(of: node.time) == bucket else { return "wheel node \(index) is in the wrong bucket" }
        guard node.time >= now, EventWheel.covers(node.time, now: now) else { return "wheel event at \(node.time) is outside the wheel's turn" }
        if let previous, !(previous.time < node.time || (previous.time == node.time && previous.order < node.order)) {
          return "wheel bucket \(bucket) is out of order"
        }
        if earliest == nil || node.precedes(time: earliest!.time, order: earliest!.order) { earliest = (node.time, node.order) }
        previous = (node.time, node.order)
        live += 1
        last = index
        index = node.next
      }
      guard last == EventWheel.noNode || buckets[bucket].tail == last else { return "wheel bucket \(bucket)'s tail is not its last node" }
    }
    for word in 0..<EventWheel.bucketCount / 64 where (summary >> UInt64(word)) & 1 != (words[word] != 0 ? 1 : 0) {
      return "wheel summary bit \(word) is wrong"
    }
    guard live == count else { return "wheel count \(count) but \(live) events listed" }
    var free = firstFree
    while free != EventWheel.noNode {
      guard Int(free) < nodeCount, !seen[Int(free)] else { return "free wheel node \(free) is in use, or listed twice" }
      seen[Int(free)] = true
      guard nodes[Int(free)].order == WheelNode<Payload>.freeOrder, nodes[Int(free)].payload == nil else {
        return "free wheel node \(free) is not cleared"
      }
      free = nodes[Int(free)].next
    }
    guard seen.allSatisfy({ $0 }) else { return "a wheel node is neither pending nor free" }
    if let earliest {
      guard minTime == earliest.time, minOrder == earliest.order, Int(minNode) < nodeCount,
        nodes[Int(minNode)].time == minTime, nodes[Int(minNode)].order == minOrder
      else { return "the wheel's cached earliest event is wrong" }
    } else if minTime != .max || minOrder != .max || minNode != EventWheel.noNode {
      return "an empty wheel caches an earliest event"
    }
    return nil
  }
}
#endif
