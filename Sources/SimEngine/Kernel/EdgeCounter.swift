/// Counts requests per `(caller, callee)` actor pair, the edges of topology diagrams.
///
/// Every hop of every request bumps one counter, so this is an open-addressing table with a
/// multiplicative hash on the packed pair (`caller << 32 | callee`) instead of a `Dictionary`,
/// whose per-process seeded hashing costs more than the rest of the hop's bookkeeping. Reading
/// the counts out (`counts`) is for reports only.
public struct EdgeCounter: Sendable {
  /// Packed pairs; `emptyKey` marks a free slot. Capacity is a power of two, at most half full.
  private var keys: ContiguousArray<Int64>
  private var values: ContiguousArray<Int>
  private var used = 0
  private static let emptyKey = Int64.min

  public init() {
    keys = ContiguousArray(repeating: EdgeCounter.emptyKey, count: 64)
    values = ContiguousArray(repeating: 0, count: 64)
  }

  /// The packed key of an edge, as `counts` reports it.
  @inline(__always)
  public static func key(caller: Int32, callee: Int32) -> Int64 { Int64(caller) << 32 | Int64(UInt32(bitPattern: callee)) }

  /// Adds one request from `caller` to `callee`.
  @inline(__always)
  public mutating func increment(caller: Int32, callee: Int32) {
    add(EdgeCounter.key(caller: caller, callee: callee), 1)
  }

  /// Adds `amount` to the count of the packed edge `key`.
  public mutating func add(_ key: Int64, _ amount: Int) {
    let mask = keys.count - 1
    var slot = EdgeCounter.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key {
        values[slot] += amount
        return
      }
      if found == EdgeCounter.emptyKey { break }
      slot = (slot + 1) & mask
    }
    keys[slot] = key
    values[slot] = amount
    used += 1
    if used * 2 > keys.count { grow() }
  }

  /// The count of one packed edge (0 when never seen).
  public func count(_ key: Int64) -> Int {
    let mask = keys.count - 1
    var slot = EdgeCounter.slot(key, mask: mask)
    while keys[slot] != EdgeCounter.emptyKey {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return 0
  }

  /// Every edge seen, packed key → count (unordered: sort before iterating).
  public var counts: [Int64: Int] {
    var result: [Int64: Int] = [:]
    for index in keys.indices where keys[index] != EdgeCounter.emptyKey { result[keys[index]] = values[index] }
    return result
  }

  @inline(__always)
  private static func slot(_ key: Int64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = ContiguousArray(repeating: EdgeCounter.emptyKey, count: oldKeys.count * 2)
    values = ContiguousArray(repeating: 0, count: oldKeys.count * 2)
    used = 0
    for index in oldKeys.indices where oldKeys[index] != EdgeCounter.emptyKey { add(oldKeys[index], oldValues[index]) }
  }
}
