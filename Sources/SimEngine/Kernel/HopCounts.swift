/// Requests carried from actor to actor: one counter per `(caller, callee)` pair that has
/// carried a request (the edges of topology diagrams), bumped on every hop.
///
/// An open-addressing table with linear probing over memory it owns, keyed by
/// `CountTable.edgeKey(caller:callee:)`. A class, like `Slab`: it belongs to one `World`, so a
/// hop is a hash, a probe and a plain increment, with no copy-on-write check and no bounds
/// checks (a `CountTable` stored in the world paid both on every hop). Memory grows with the
/// distinct pairs seen, not with the hops. Reading the counts out (`counts`) is for reports.
public final class HopCounts {
  /// `capacity` keys (`CountTable.emptyKey` marks a free slot) and their counts.
  private var keys: UnsafeMutablePointer<Int64>
  private var values: UnsafeMutablePointer<Int>
  /// A power of two; at most half the slots are used.
  private var capacity: Int
  /// Distinct pairs counted.
  public private(set) var pairCount = 0

  public init() {
    capacity = 16
    keys = .allocate(capacity: capacity)
    keys.initialize(repeating: CountTable.emptyKey, count: capacity)
    values = .allocate(capacity: capacity)
    values.initialize(repeating: 0, count: capacity)
  }

  deinit {
    keys.deallocate()
    values.deallocate()
  }

  /// Counts one request carried from `caller` to `callee` (actor ids, never negative).
  @inline(__always)
  public func add(caller: Int32, callee: Int32) {
    let key = CountTable.edgeKey(caller: caller, callee: callee)
    let mask = capacity &- 1
    var slot = HopCounts.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key {
        values[slot] &+= 1
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
    while keys[slot] != CountTable.emptyKey {
      if keys[slot] == key { return values[slot] }
      slot = (slot &+ 1) & mask
    }
    return 0
  }

  /// Every pair seen, as `CountTable.edgeKey(caller:callee:)`, with its count (unordered: sort
  /// before iterating).
  public var counts: [Int64: Int] {
    var result: [Int64: Int] = [:]
    result.reserveCapacity(pairCount)
    for index in 0..<capacity where keys[index] != CountTable.emptyKey { result[keys[index]] = values[index] }
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
    keys[slot] = key
    values[slot] = count
    pairCount += 1
    if pairCount * 2 > capacity { grow() }
  }

  /// Doubles the table and re-inserts every pair.
  private func grow() {
    let oldKeys = keys
    let oldValues = values
    let oldCapacity = capacity
    capacity *= 2
    keys = .allocate(capacity: capacity)
    keys.initialize(repeating: CountTable.emptyKey, count: capacity)
    values = .allocate(capacity: capacity)
    values.initialize(repeating: 0, count: capacity)
    let mask = capacity &- 1
    for index in 0..<oldCapacity where oldKeys[index] != CountTable.emptyKey {
      var slot = HopCounts.slot(oldKeys[index], mask: mask)
      while keys[slot] != CountTable.emptyKey { slot = (slot &+ 1) & mask }
      keys[slot] = oldKeys[index]
      values[slot] = oldValues[index]
    }
    oldKeys.deallocate()
    oldValues.deallocate()
  }
}
