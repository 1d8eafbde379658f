@testable import SimEngine
import Testing

/// The slab behind exchanges and open requests: slots keep their elements through growth,
/// freed slots are reused last in first out with their previous occupant visible, and the
/// elements it holds are released with it.
@Suite struct SlabTests {
  final class Token {
    let value: Int
    let onDeinit: () -> Void
    init(_ value: Int, onDeinit: @escaping () -> Void = {}) {
      self.value = value
      self.onDeinit = onDeinit
    }
    deinit { onDeinit() }
  }

  /// A slab whose slot `i` holds `i`, for every `i` below `count`.
  static func slab(holdingValuesBelow count: Int) -> Slab<Int> {
    let slab = Slab<Int>()
    for value in 0..<count { _ = slab.allocate { _ in value } }
    return slab
  }

  @Test func growthKeepsEverySlot() {
    let slab = Slab<Int>()
    for value in 0..<1000 { #expect(slab.allocate { _ in value * 3 } == Int32(value)) }
    #expect(slab.liveCount == 1000)
    #expect((0..<1000).allSatisfy { slab[Int32($0)] == $0 * 3 })
    slab[500] += 1
    #expect(slab[500] == 1501)
  }

  @Test func freedSlotsAreReusedLastInFirstOutWithTheirPreviousOccupant() {
    let slab = Self.slab(holdingValuesBelow: 40)
    slab.release(3)
    slab.release(30)
    #expect(slab.liveCount == 38)
    var seen: Int?
    #expect(slab.allocate { previous in seen = previous; return 100 } == 30)
    #expect(seen == 30)
    let taken = slab.takeFreed()
    #expect(taken?.index == 3)
    taken?.slot.pointee += 1000
    #expect(slab[3] == 1003)
    #expect(slab.takeFreed() == nil, "no freed slot left")
    #expect(slab.allocate { previous in seen = previous; return 7 } == 40)
    #expect(seen == nil)
    #expect(slab.liveCount == 41)
  }

  @Test func checkedAccessesAreTheSlotsOwn() {
    let slab = Self.slab(holdingValuesBelow: 20)
    #expect(slab.pointer(toChecked: 7) == slab.pointer(to: 7))
    slab.pointer(toChecked: 7).pointee = 70
    #expect(slab[7] == 70)
    slab.release(checked: 7)
    slab.release(12)
    #expect(slab.liveCount == 18)
    #expect(slab.takeFreed()?.index == 12, "freed last, reused first")
    let taken = slab.takeFreed()
    #expect(taken?.index == 7)
    taken?.slot.pointee += 1
    #expect(slab[7] == 71)
  }

  @Test func takeFreedHandsOutTheLastFreedSlotInPlace() {
    let slab = Self.slab(holdingValuesBelow: 20)
    slab.release(4)
    slab.release(9)
    let taken = slab.takeFreed()
    #expect(taken?.index == 9, "freed last, taken first")
    #expect(taken?.slot == slab.pointer(to: 9))
    #expect(taken?.slot.pointee == 9, "the previous occupant is still there")
    taken?.slot.pointee = 90
    #expect(slab[9] == 90)
    #expect(slab.takeFreed()?.index == 4)
    #expect(slab.takeFreed() == nil, "no freed slot left")
    #expect(slab.liveCount == 20)
  }

  @Test func elementsAreReleasedWithTheSlabAndWhenOverwritten() {
    var released = 0
    do {
      let slab = Slab<Token>()
      for value in 0..<20 { _ = slab.allocate { _ in Token(value) { released += 1 } } }
      slab.release(5)
      _ = slab.allocate { _ in Token(99) { released += 1 } }
      #expect(released == 1, "the overwritten occupant is released")
      #expect(slab[5].value == 99)
    }
    #expect(released == 21, "every element is released once with the slab")
  }
}
