/// A timing wheel (calendar queue) of the near-future events of one `Simulation`: those due less
/// than `bucketCount` buckets of `2^bucketShift` ns (about 67 ms) after the bucket of `now`.
///
/// Bucket `(time >> bucketShift) & (bucketCount - 1)` holds its events in a singly linked list
/// in `(time, order)` order, threaded through a pool of nodes (`WheelNode`) with a free list;
/// a bitmap of the non-empty buckets (one bit per bucket, plus a summary bit per 64-bucket
/// word) finds the next non-empty bucket with a count of trailing zeros or two. As every
/// pending event is at or after `now` and was scheduled less than `bucketCount` buckets after
/// the `now` of its time, no two events more than a turn apart share a bucket, and the buckets
/// in circular order from the earliest event's are in time order.
///
/// Done for latency: taking the earliest event is the head of a known list, and the search for
/// the next is a bit scan that nearly always stays in one word — no comparisons of random
/// times (a heap's sift-down, a tournament's replay) whose branches mispredict. The earliest
/// event's key and node are cached (`minTime`, `minOrder`, `minNode`).
///
/// A class so that scheduling and running are plain loads and stores through pointers: the
/// (noncopyable) `Simulation` that owns it is its only user; `init(copying:)` makes a copy's.
@usableFromInline
final class EventWheel<Payload> {
  /// Bucket width: `2^bucketShift` ns.
  @usableFromInline static var bucketShift: Int64 { 14 }
  /// Buckets in one turn of the wheel (a power of two, 64 per bitmap word, at most 64 words).
  @usableFromInline static var bucketCount: Int { 4096 }
  /// The end of a list (no node has this index; pools stay below `2^31` nodes).
  @usableFromInline static var noNode: UInt32 { .max }

  /// The first and last node of each bucket's list (`head` is `noNode` when it is empty).
  @usableFromInline let buckets: UnsafeMutablePointer<WheelBucket>
  /// Bit `b & 63` of word `b >> 6` is set when bucket `b` is not empty.
  @usableFromInline let words: UnsafeMutablePointer<UInt64>
  /// Bit `w` is set when `words[w]` is not zero.
  @usableFromInline var summary: UInt64 = 0
  /// `nodeCount` initialised nodes (live or free), room for `capacity`.
  @usableFromInline var nodes: UnsafeMutablePointer<WheelNode<Payload>>
  @usableFromInline var nodeCount = 0
  @usableFromInline var capacity = 0
  /// The most recently freed node (`noNode` when none); free nodes chain through `next`.
  @usableFromInline var firstFree = EventWheel.noNode
  /// Pending events.
  @usableFromInline var count = 0
  /// The earliest event's time and order, and its node: `(Int64.max, UInt64.max, noNode)`
  /// when the wheel is empty, which compares after every event.
  @usableFromInline var minTime = Int64.max
  @usableFromInline var minOrder = UInt64.max
  @usableFromInline var minNode = EventWheel.noNode

  /// An empty wheel.
  @inlinable
  init() {
    buckets = .allocate(capacity: EventWheel.bucketCount)
    buckets.initialize(repeating: .empty, count: EventWheel.bucketCount)
    words = .allocate(capacity: EventWheel.bucketCount / 64)
    words.initialize(repeating: 0, count: EventWheel.bucketCount / 64)
    nodes = .allocate(capacity: 0)
  }

  /// The same events in memory of its own.
  @inlinable
  init(copying other: EventWheel) {
    buckets = .allocate(capacity: EventWheel.bucketCount)
    buckets.initialize(from: other.buckets, count: EventWheel.bucketCount)
    words = .allocate(capacity: EventWheel.bucketCount / 64)
    words.initialize(from: other.words, count: EventWheel.bucketCount / 64)
    summary = other.summary
    nodes = .allocate(capacity: other.capacity)
    nodes.initialize(from: other.nodes, count: other.nodeCount)
    nodeCount = other.nodeCount
    capacity = other.capacity
    firstFree = other.firstFree
    count = other.count
    minTime = other.minTime
    minOrder = other.minOrder
    minNode = other.minNode
  }

  @inlinable
  deinit {
    nodes.deinitialize(count: nodeCount)
    nodes.deallocate()
    words.deallocate()
    buckets.deallocate()
  }

  /// The bucket of `time` (not negative).
  @inlinable
  static func bucket(of time: Int64) -> Int {
    Int(truncatingIfNeeded: time &>> bucketShift) & (bucketCount &- 1)
  }

  /// Whether an event due at `time` (at or after `now`) belongs in the wheel: its bucket is less
  /// than a turn after `now`'s.
  @inlinable
  @inline(__always)
  static func covers(_ time: Int64, now: Int64) -> Bool {
    UInt64(bitPattern: (time &>> bucketShift) &- (now &>> bucketShift)) < UInt64(bucketCount)
  }

  /// Whether the earliest event runs before an event due at `time` with order `order` (never
  /// when the wheel is empty).
  @inlinable
  @inline(__always)
  func precedes(time: Int64, order: UInt64) -> Bool {
    minTime < time || (minTime == time && minOrder < order)
  }

  /// Node `index` (for inspection and cancellation; checked).
  @inlinable
  func node(_ index: Int) -> WheelNode<Payload> {
    precondition(UInt(bitPattern: index) < UInt(bitPattern: nodeCount), "no such wheel node")
    return nodes[index]
  }

  /// The earliest event's payload. The wheel must not be empty.
  @inlinable
  @inline(__always)
  var minPayload: Payload {
    assert(count > 0 && nodes[Int(minNode)].payload != nil, "the wheel is empty")
    return nodes[Int(minNode)].payload.unsafelyUnwrapped
  }

  /// Adds an event due at `time` (covered, see `covers`) with order `order`; returns its node.
  ///
  /// - Complexity: O(events in its bucket); amortised O(1) growth
  @inlinable
  @inline(__always)
  @discardableResult
  func insert(_ payload: Payload, time: Int64, order: UInt64) -> UInt32 {
    let node: UInt32
    if firstFree != EventWheel.noNode {
      node = firstFree
      let freed = nodes + Int(node)
      firstFree = freed.pointee.next
      freed.pointee = WheelNode(time: time, order: order, next: EventWheel.noNode, payload: payload)
    } else {
      if nodeCount == capacity { grow() }
      node = UInt32(truncatingIfNeeded: nodeCount)
      (nodes + nodeCount).initialize(to: WheelNode(time: time, order: order, next: EventWheel.noNode, payload: payload))
      nodeCount &+= 1
    }
    let bucket = EventWheel.bucket(of: time)
    let head = buckets[bucket].head
    if head == EventWheel.noNode {
      buckets[bucket] = WheelBucket(head: node, tail: node)
      words[bucket &>> 6] |= 1 &<< UInt64(bucket & 63)
      summary |= 1 &<< UInt64(bucket &>> 6)
    } else if !nodes[Int(head)].precedes(time: time, order: order) {
      nodes[Int(node)].next = head
      buckets[bucket].head = node
    } else {
      link(node, after: head, inBucket: bucket, time: time, order: order)
    }
    count &+= 1
    if !precedes(time: time, order: order) {
      minTime = time
      minOrder = order
      minNode = node
    }
    return node
  }

  /// Links `node` into `bucket`'s list behind `first` (its head, which precedes it), before the
  /// first node it precedes: at the tail when the tail precedes it too (events due at one time
  /// come in scheduling order), else after a walk from the head.
  @inlinable
  @inline(never)
  func link(_ node: UInt32, after first: UInt32, inBucket bucket: Int, time: Int64, order: UInt64) {
    let tail = buckets[bucket].tail
    if nodes[Int(tail)].precedes(time: time, order: order) {
      nodes[Int(tail)].next = node
      buckets[bucket].tail = node
      return
    }
    var previous = first
    while true {
      let next = nodes[Int(previous)].next
      if next == EventWheel.noNode || !nodes[Int(next)].precedes(time: time, order: order) { break }
      previous = next
    }
    nodes[Int(node)].next = nodes[Int(previous)].next
    nodes[Int(previous)].next = node
  }

  /// Removes the earliest event (its payload read already, or obsolete). The wheel must not be
  /// empty.
  ///
  /// - Complexity: O(1) bit scans
  @inlinable
  @inline(__always)
  func removeMin() {
    assert(count > 0, "removeMin() on an empty wheel")
    let node = minNode
    let bucket = EventWheel.bucket(of: minTime)
    let next = nodes[Int(node)].next
    buckets[bucket].head = next  // the earliest event heads its bucket
    release(node)
    count &-= 1
    if next != EventWheel.noNode {
      minTime = nodes[Int(next)].time
      minOrder = nodes[Int(next)].order
      minNode = next
    } else {
      clearBit(of: bucket)
      findMin(from: bucket)
    }
  }

  /// Cancels the event of node `index` if it is pending with sequence `sequence` (otherwise
  /// does nothing); returns whether it was.
  ///
  /// - Complexity: O(events in its bucket)
  @inlinable
  @discardableResult
  func cancel(node index: Int, sequence: UInt64) -> Bool {
    guard UInt(bitPattern: index) < UInt(bitPattern: nodeCount), nodes[index].order != WheelNode<Payload>.freeOrder,
      nodes[index].order & ScheduledEntry.sequenceMask == sequence
    else { return false }
    let node = UInt32(truncatingIfNeeded: index)
    let bucket = EventWheel.bucket(of: nodes[index].time)
    let next = nodes[index].next
    if buckets[bucket].head == node {
      buckets[bucket].head = next
      if next == EventWheel.noNode { clearBit(of: bucket) }
    } else {
      var previous = buckets[bucket].head
      while nodes[Int(previous)].next != node { previous = nodes[Int(previous)].next }
      nodes[Int(previous)].next = next
      if next == EventWheel.noNode { buckets[bucket].tail = previous }
    }
    release(node)
    count &-= 1
    if node == minNode { findMin(from: bucket) }
    return true
  }

  /// Frees `node`: drops its payload and puts it at the head of the free list.
  @inlinable
  @inline(__always)
  func release(_ node: UInt32) {
    let freed = nodes + Int(node)
    freed.pointee.payload = nil
    freed.pointee.order = WheelNode<Payload>.freeOrder
    freed.pointee.next = firstFree
    firstFree = node
  }

  /// Marks `bucket` empty in the bitmap.
  @inlinable
  @inline(__always)
  func clearBit(of bucket: Int) {
    let word = bucket &>> 6
    words[word] &= ~(1 &<< UInt64(bucket & 63))
    if words[word] == 0 { summary &= ~(1 &<< UInt64(word)) }
  }

  /// Caches the earliest event, searching the non-empty buckets in circular order from
  /// `bucket` (the bucket of the previous earliest event, at or before every pending one).
  @inlinable
  @inline(__always)
  func findMin(from bucket: Int) {
    let word = bucket &>> 6
    let bits = words[word] & (UInt64.max &<< UInt64(bucket & 63))
    let found: Int
    if bits != 0 {
      found = word &<< 6 | bits.trailingZeroBitCount
    } else if count == 0 {
      minTime = .max
      minOrder = .max
      minNode = EventWheel.noNode
      return
    } else {
      found = nextBucket(after: word)
    }
    let head = buckets[found].head
    minTime = nodes[Int(head)].time
    minOrder = nodes[Int(head)].order
    minNode = head
  }

  /// The first non-empty bucket of the words after `word`, in circular order (wrapping to the
  /// low bits of `word` itself). The wheel must not be empty.
  @inlinable
  @inline(never)
  func nextBucket(after word: Int) -> Int {
    let later = summary & ~(UInt64.max >> UInt64(63 &- word))  // words above `word`
    let next = later != 0 ? later.trailingZeroBitCount : summary.trailingZeroBitCount
    return next &<< 6 | words[next].trailingZeroBitCount
  }

  /// Makes room for at least `minimumCapacity` nodes.
  @inlinable
  func reserveCapacity(_ minimumCapacity: Int) {
    if minimumCapacity > capacity { reallocate(capacity: minimumCapacity) }
  }

  /// Doubles the pool (at least 64 nodes).
  @inlinable
  @inline(never)
  func grow() {
    precondition(capacity < 1 << 30, "too many pending events")
    reallocate(capacity: Swift.max(64, capacity * 2))
  }

  @inlinable
  func reallocate(capacity newCapacity: Int) {
    nodes = nodes.moved(count: nodeCount, toNewCapacity: newCapacity)
    capacity = newCapacity
  }
}

/// One `Simulation` owns each `EventWheel` alone (copies get their own), so sending the
/// simulation to another thread sends its wheel with it and nothing else can reach it.
extension EventWheel: @unchecked Sendable where Payload: Sendable {}
