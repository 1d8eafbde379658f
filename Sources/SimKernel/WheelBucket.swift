/// The two ends of one `EventWheel` bucket's list of nodes, side by side so that the store of
/// a new event's node as a bucket's only one (the usual case) touches one cache line.
@usableFromInline
struct WheelBucket {
  /// The first node (the bucket's earliest event), or `EventWheel.noNode` when it is empty.
  @usableFromInline var head: UInt32
  /// The last node, when the bucket is not empty (stale otherwise): a burst of events due at
  /// one time (health checks of many targets started together) comes in scheduling order and is
  /// appended here in O(1), not after a walk of the whole list.
  @usableFromInline var tail: UInt32

  /// A bucket with no events.
  @inlinable
  static var empty: WheelBucket { WheelBucket(head: .max, tail: .max) }

  @inlinable
  init(head: UInt32, tail: UInt32) {
    self.head = head
    self.tail = tail
  }
}
