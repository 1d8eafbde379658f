@testable import SimEngine
import SimKernel
import Testing

/// `tracedSlotCount` counts slots holding a traced record until the slot is overwritten, so
/// `World.isTraced` may answer false without reading the slab exactly when the slab read would.
@Suite struct RequestTableTests {
  static func record(trace: Int32) -> RequestTable.Record {
    RequestTable.Record(stream: 0, index: 0, startedAt: .zero, trace: trace, isOpen: true)
  }

  @Test func aTracedSlotCountsUntilItIsOverwritten() {
    var table = RequestTable()
    let traced = table.open(Self.record(trace: 0))
    let plain = table.open(Self.record(trace: -1))
    #expect(table.tracedSlotCount == 1)
    table.release(table.slot(traced), index: traced)
    #expect(table.tracedSlotCount == 1, "a finished traced request still marks its exchanges as traced")
    #expect(table[traced].trace == 0)
    let reused = table.open(Self.record(trace: -1))
    #expect(reused == traced)
    #expect(table.tracedSlotCount == 0)
    table.release(table.slot(plain), index: plain)
    #expect(table.open(Self.record(trace: 3)) == plain)
    #expect(table.tracedSlotCount == 1)
    #expect(table.open(Self.record(trace: 4)) != plain)
    #expect(table.tracedSlotCount == 2)
  }
}
