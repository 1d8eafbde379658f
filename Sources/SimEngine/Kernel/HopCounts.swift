/// Requests carried from actor to actor: one counter per `(caller, callee)` pair that has
/// carried a request (the edges of topology diagrams), bumped on every hop.
///
/// An open-addressing table with linear probing over memory it owns, keyed by
/// `CountTable.edgeKey(caller:callee:)`. A class, like `Slab`: it belongs to one `World`, so a
/// hop is a hash, a probe and a plain increment, with no copy-on-write check and no bounds
/// checks (a `CountTable` stored in the world paid both on every hop). Each key sits next to
/// its count, so a hop reads one address. Memory grows with the distinct pairs seen, not with
/// the hops. Reading the counts out (`counts`) is for reports.
public final class HopCounts {
  /// One slot: a key (`CountTable.emptyKey` when free) and its count.
  private struct Slot {
    var key: Int64
    var count: Int
  }

  /// `capacity` slots.
  private var slots: UnsafeMutablePointer<Slot>
  /// A power of two; at most half the slots are used.
  private var capacity: Int
  /// Distinct pairs counted.
  public private(set) var pairCount = 0

  public init() {
    capacity = 16
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Slot(key: CountTable.emptyKey, count: 0), count: capacity)
  }

  deinit {
    slots.deallocate()
  }

  /// Counts one request carried from `caller` to `callee` (actor ids, never negative).
  @inline(__always)
  public func add(caller: Int32, callee: Int32) {
    let key = CountTable.edgeKey(caller: caller, callee: callee)
    let mask = capacity &- 1
    var slot = HopCounts.slot(key, mask: mask)
    while true {
      let found = slots[slot].key
      if found == key {
        slots[slot].count &+= 1
        return
      }
      if found == CountTable.emptyKey { break }
      slot = (slot &+ 1) & mask
    }
    insert(key, count: 1, at: slot)
  }

  /// The count of the pair `(caller, callee)` (0 when it never carried a request).
  public func count(caller: Int32, callee: Int32) -> Int {
    let key = CountTable.edgeKey(caller: caller, callee: callee)
    let mask = capacity &- 1
    var slot = HopCounts.slot(key, mask: mask)
    while slots[slot].key != CountTable.emptyKey {
      if slots[slot].key == key { return slots[slot].count }
      slot = (slot &+ 1) & mask
    }
    return 0
  }

  /// Every pair seen, as `CountTable.edgeKey(caller:callee:)`, with its count (unordered: sort
  /// before iterating).
  public var counts: [Int64: Int] {
    var result: [Int64: Int] = [:]
    result.reserveCapacity(pairCount)
    for index in 0..<capacity where slots[index].key != CountTable.emptyKey { result[slots[index].key] = slots[index].count }
    return result
  }

  @inline(__always)
  private static func slot(_ key: Int64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// Stores a new pair in the free slot `slot` (where its probe ended), growing when half full.
  @inline(never)
  private func insert(_ key: Int64, count: Int, at slot: Int) {
    precondition(key != CountTable.emptyKey, "actor ids are never negative")
    slots[slot] = Slot(key: key, count: count)
    pairCount += 1
    if pairCount * 2 > capacity { grow() }
  }

  /// Doubles the table and re-inserts every pair.
  private func grow() {
    let old = slots
    let oldCapacity = capacity
    capacity *= 2
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: Slot(key: CountTable.emptyKey, count: 0), count: capacity)
    let mask = capacity &- 1
    for index in 0..<oldCapacity where old[index].key != CountTable.emptyKey {
      var slot = HopCounts.slot(old[index].key, mask: mask)
      while slots[slot].key != CountTable.emptyKey { slot = (slot &+ 1) & mask }
      slots[slot] = old[index]
    }
    old.deallocate()
  }
}
