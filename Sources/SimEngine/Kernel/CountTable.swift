/// Counters keyed by a packed 64-bit key: requests per `(caller, callee)` actor pair (the edges
/// of topology diagrams), outcomes per `(second, outcome)`.
///
/// Every hop or request bumps one counter, so this is an open-addressing table with a
/// multiplicative hash instead of a `Dictionary`, whose per-process seeded hashing costs more
/// than the rest of the bookkeeping. Memory grows with the distinct keys seen, not with the
/// number of increments. Reading the counts out (`counts`) is for reports only.
public struct CountTable: Sendable {
  /// Keys; `emptyKey` marks a free slot. Capacity is a power of two, at most half full.
  private var keys: ContiguousArray<Int64>
  private var values: ContiguousArray<Int>
  private var used = 0
  /// The one key that cannot be counted (it marks free slots).
  public static let emptyKey = Int64.min

  public init() {
    keys = ContiguousArray(repeating: CountTable.emptyKey, count: 16)
    values = ContiguousArray(repeating: 0, count: 16)
  }

  /// The packed key of the edge from actor `caller` to actor `callee`.
  @inline(__always)
  public static func edgeKey(caller: Int32, callee: Int32) -> Int64 {
    Int64(caller) << 32 | Int64(UInt32(bitPattern: callee))
  }

  /// Adds `amount` to the count of `key` (which must not be `emptyKey`).
  @inline(__always)
  public mutating func add(_ key: Int64, _ amount: Int = 1) {
    let mask = keys.count - 1
    var slot = CountTable.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key {
        values[slot] += amount
        return
      }
      if found == CountTable.emptyKey { break }
      slot = (slot + 1) & mask
    }
    insert(key, amount, at: slot)
  }

  /// The count of `key` (0 when never seen).
  public func count(_ key: Int64) -> Int {
    let mask = keys.count - 1
    var slot = CountTable.slot(key, mask: mask)
    while keys[slot] != CountTable.emptyKey {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return 0
  }

  /// The number of distinct keys.
  public var keyCount: Int { used }

  /// Every key seen with its count (unordered: sort before iterating).
  public var counts: [Int64: Int] {
    var result: [Int64: Int] = [:]
    result.reserveCapacity(used)
    for index in keys.indices where keys[index] != CountTable.emptyKey { result[keys[index]] = values[index] }
    return result
  }

  @inline(__always)
  private static func slot(_ key: Int64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  private mutating func insert(_ key: Int64, _ amount: Int, at slot: Int) {
    precondition(key != CountTable.emptyKey, "CountTable cannot count its empty-slot marker")
    keys[slot] = key
    values[slot] = amount
    used += 1
    if used * 2 > keys.count { grow() }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = ContiguousArray(repeating: CountTable.emptyKey, count: oldKeys.count * 2)
    values = ContiguousArray(repeating: 0, count: oldKeys.count * 2)
    used = 0
    for index in oldKeys.indices where oldKeys[index] != CountTable.emptyKey { add(oldKeys[index], oldValues[index]) }
  }
}
