@testable import SimEngine
import Testing

/// The per-hop edge counters: every `(caller, callee)` pair keeps its own count through
/// collisions and growth, and the report view lists exactly the pairs seen.
@Suite struct HopCountsTests {
  @Test func countsEachPairSeparately() {
    let hops = HopCounts()
    for _ in 0..<3 { hops.add(caller: 1, callee: 2) }
    hops.add(caller: 2, callee: 1)
    hops.add(caller: 0, callee: 0)
    #expect(hops.count(caller: 1, callee: 2) == 3)
    #expect(hops.count(caller: 2, callee: 1) == 1)
    #expect(hops.count(caller: 0, callee: 0) == 1)
    #expect(hops.count(caller: 2, callee: 2) == 0)
    #expect(hops.pairCount == 3)
    #expect(hops.counts == [
      CountTable.edgeKey(caller: 1, callee: 2): 3, CountTable.edgeKey(caller: 2, callee: 1): 1,
      CountTable.edgeKey(caller: 0, callee: 0): 1,
    ])
  }

  @Test func growthKeepsEveryCount() {
    let hops = HopCounts()
    var expected: [Int64: Int] = [:]
    // Enough pairs to grow the table several times; pair (c, c % 7) gets c % 5 + 1 hops,
    // interleaved so that counts are bumped before and after each growth.
    for round in 0..<5 {
      for caller in Int32(0)..<300 where Int(caller) % 5 >= round {
        hops.add(caller: caller, callee: caller % 7)
        expected[CountTable.edgeKey(caller: caller, callee: caller % 7), default: 0] += 1
      }
    }
    #expect(hops.pairCount == 300)
    #expect(hops.counts == expected)
    #expect(hops.count(caller: 299, callee: 299 % 7) == 299 % 5 + 1)
  }

  @Test func matchesACountTableOnTheSameHops() {
    let hops = HopCounts()
    var table = CountTable()
    var state: UInt64 = 12345
    for _ in 0..<5000 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let caller = Int32(truncatingIfNeeded: (state >> 33) % 40)
      let callee = Int32(truncatingIfNeeded: (state >> 45) % 40)
      hops.add(caller: caller, callee: callee)
      table.add(CountTable.edgeKey(caller: caller, callee: callee))
    }
    #expect(hops.counts == table.counts)
    #expect(hops.pairCount == table.keyCount)
  }
}
