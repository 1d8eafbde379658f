@testable import SimEngine
import SimKernel
import Testing

/// `StreamStatisticsTable` keeps each stream's statistics in a slot of its own, in stream
/// order: a change through the subscript is the stream's own and is seen by every later read
/// (the table is a reference, changed in place), and the other streams stay as they were.
@Suite struct StreamStatisticsTableTests {
  @Test func changesThroughTheSubscriptAreTheStreamsOwn() throws {
    let world = try #require(WorldFixture.world(StreamStatisticsTests.scenario))
    let table = StreamStatisticsTable((0..<3).map { StreamStatistics(stream: $0, expectations: []) })
    #expect(table.count == 3)
    #expect(table.map(\.stream) == [0, 1, 2])
    table[1].sent += 5
    table[1].record(Response(status: 200, disposition: .delivered), latency: .milliseconds(2), startedAt: .zero,
                    world: world)
    table[2].sent += 1
    #expect(table.map(\.sent) == [0, 5, 1])
    #expect(table.map(\.completed) == [0, 1, 0])
    let shared = table
    shared[0].sent += 7
    #expect(table[0].sent == 7, "a copy of the table shares its slots")
  }

  @Test func aWorldCountsSentRequestsInItsTable() throws {
    let world = try #require(WorldFixture.world(StreamStatisticsTests.scenario))
    #expect(world.statistics.count == world.model.traffic.count)
    let before = world.statistics[0].sent
    world.statistics[0].sent += 1
    #expect(world.statistics[0].sent == before + 1)
  }
}
