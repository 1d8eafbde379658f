import RouteMatching
@testable import SimEngine
import SimKernel
import Testing

/// `ExchangeTable.slot(_:)` is the exchange's own storage: fields written through it are the
/// ones the subscript reads, and only that exchange changes.
@Suite struct ExchangeTableSlotTests {
  @Test func writesThroughTheSlotAreTheExchangesOwn() {
    var table = ExchangeTable()
    let first = table.allocate(ExchangeTableTests.exchange(request: 1))
    let second = table.allocate(ExchangeTableTests.exchange(request: 2))
    let slot = table.slot(second)
    slot.pointee.callee = 9
    slot.pointee.sourceAddress = 0x0A00_0001
    slot.pointee.returnLatency = .milliseconds(3)
    #expect(table[second].callee == 9 && table[second].sourceAddress == 0x0A00_0001)
    #expect(table[second].returnLatency == .milliseconds(3) && table[second].request == 2)
    #expect(table[first].callee == -1 && table[first].sourceAddress == 0 && table[first].returnLatency == .zero)
    #expect(table.slot(second).pointee.generation == table[second].generation)
  }
}
