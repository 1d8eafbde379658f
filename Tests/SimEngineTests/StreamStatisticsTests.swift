import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// `StreamStatistics` counts every request once in flat per-outcome rows and works a window's
/// totals, matches and distinct tasks out of them when read: the views must equal a direct
/// per-request count of the same requests.
@Suite struct StreamStatisticsTests {
  static let scenario = WorldFixture.scenario("""
    "traffic": [
      { "name": "load", "from": "internet", "request": { "method": "GET", "url": "http://api.shop.example.com/a" }, "count": 1 }
    ],
    "expect": [
      { "traffic": "load", "status": 200, "share": [0, 1] },
      { "traffic": "load", "after": "2s", "before": "5s", "status": "2xx", "share": [0, 1], "distinctTasks": [0, 9] },
      { "traffic": "load", "after": "2s", "before": "5s", "status": 503, "count": [0, 99999] },
      { "traffic": "load", "before": "3s", "status": [200, 201], "latencyMs": { "p50": { "max": 9999 } } },
      { "traffic": "load", "distinctTasks": [0, 9] },
      { "traffic": "load", "status": 200, "latencyMs": { "p99": { "max": 9999 } } },
      { "traffic": "load", "latencyMs": { "max": { "max": 9999 } } }
    ]
    """)

  /// One recorded request.
  struct Sample {
    var status: Int
    var task: Int32
    var start: Int64
    var latency: Int64
  }

  /// A direct count of `samples` for expectation `index`, as the windows once kept it.
  static func reference(_ samples: [Sample], expectation index: Int, world: World) -> StreamStatistics.Window {
    let expectation = world.model.expectations[index]
    var window = StreamStatistics.Window()
    for sample in samples {
      let start = expectation.after?.nanoseconds ?? .min
      let end = expectation.before?.nanoseconds ?? .max
      guard sample.start >= start && sample.start < end else { continue }
      window.total += 1
      let key = StreamStatistics.OutcomeKey(service: -1, task: sample.task, status: sample.status, disposition: .delivered, body: -1)
      guard ExpectationEvaluator.matches(expectation.filter, key: key, world: world) else { continue }
      window.matching += 1
      if !expectation.latencyMs.isEmpty { window.latency.record(SimDuration(nanoseconds: sample.latency)) }
      if expectation.distinctTasks != nil && sample.task >= 0 { window.tasks.insert(sample.task) }
    }
    return window
  }

  @Test func windowsOutcomesAndSecondsEqualADirectCount() throws {
    let world = try #require(WorldFixture.world(Self.scenario))
    var random = RandomSource(seed: 5)
    var samples: [Sample] = []
    // Only 200s at first (latency windows share the stream's histogram until another status
    // comes), then few outcomes, then many (more than the dense per-second columns hold), and
    // some requests later than the dense per-second rows reach.
    for index in 0..<4_000 {
      let statuses = index < 1_000 ? 4 : 90
      var status = [200, 201, 503, 404][Int(random.nextInt(below: 4))] + (index < 1_000 ? 0 : Int(random.nextInt(below: UInt64(statuses))))
      if index < 200 { status = 200 }
      let late = index % 97 == 0 ? Int64(StreamStatistics.denseSeconds) * 1_000_000_000 : 0
      samples.append(Sample(status: min(status, 599), task: Int32(random.nextInt(below: 4)) - 1,
                            start: late + Int64(random.nextInt(below: 8_000_000_000)), latency: Int64(random.nextInt(below: 50_000_000))))
    }
    var statistics = world.statistics[0]
    for sample in samples {
      let response = Response(status: sample.status, disposition: .delivered, originTask: sample.task, originService: -1, body: -1)
      statistics.record(response, latency: SimDuration(nanoseconds: sample.latency), startedAt: SimTime(nanoseconds: sample.start), world: world)
    }
    #expect(statistics.completed == samples.count)
    #expect(statistics.outcomeKeys.count > StreamStatistics.denseOutcomes)
    var outcomes: [StreamStatistics.OutcomeKey: Int] = [:]
    var perSecond: [Int: [StreamStatistics.OutcomeKey: Int]] = [:]
    for sample in samples {
      let key = StreamStatistics.OutcomeKey(service: -1, task: sample.task, status: sample.status, disposition: .delivered, body: -1)
      outcomes[key, default: 0] += 1
      perSecond[Int(sample.start / 1_000_000_000), default: [:]][key, default: 0] += 1
    }
    #expect(statistics.outcomes == outcomes)
    #expect(statistics.perSecond == perSecond)
    let windows = statistics.windows
    #expect(windows.count == 7)
    for (slot, index) in statistics.expectationIndices.enumerated() {
      let expected = Self.reference(samples, expectation: index, world: world)
      #expect(windows[slot].total == expected.total, "expectation \(index)")
      #expect(windows[slot].matching == expected.matching, "expectation \(index)")
      #expect(windows[slot].tasks == expected.tasks, "expectation \(index)")
      #expect(windows[slot].latency == expected.latency, "expectation \(index)")
    }
    #expect(windows[1].total < windows[0].total && windows[1].total > 0)
    #expect(windows[3].latency.count > 0 && windows[3].latency.count < samples.count)
    #expect(windows[5].latency.count > 200 && windows[5].latency.count < samples.count)
    #expect(windows[6].latency == statistics.latency)
  }

  @Test func windowsAreEmptyBeforeTheFirstRequest() throws {
    let world = try #require(WorldFixture.world(Self.scenario))
    let windows = world.statistics[0].windows
    #expect(windows.count == 7)
    #expect(windows.allSatisfy { $0.total == 0 && $0.matching == 0 && $0.tasks.isEmpty && $0.latency.count == 0 })
    #expect(world.statistics[0].perSecond.isEmpty)
  }

  /// Report rows built by outcome number (per second of a timeline) equal the rows built from
  /// the same counts keyed by outcome.
  @Test func rowsByOutcomeNumberEqualRowsByOutcome() throws {
    let world = try #require(WorldFixture.world(Self.scenario))
    let bodies = [-1, world.bodies.intern("red"), world.bodies.intern("blue"), world.bodies.intern("")]
    var random = RandomSource(seed: 11)
    var keys: [StreamStatistics.OutcomeKey] = []
    for status in [200, 201, 404, 503, 504] {
      for disposition in [Disposition.delivered, .timedOut, .connectionRefused] {
        for body in bodies where random.nextInt(below: 2) == 0 {
          keys.append(.init(service: -1, task: -1, status: status, disposition: disposition, body: body))
        }
      }
    }
    let table = OutcomeRowTable(keys: keys, world: world)
    for _ in 0..<200 {
      var counts: [(number: Int, count: Int)] = []
      var keyed: [StreamStatistics.OutcomeKey: Int] = [:]
      for number in keys.indices where random.nextInt(below: 3) == 0 {
        let count = 1 + Int(random.nextInt(below: 5)) * 1000 + number
        counts.append((number, count))
        keyed[keys[number]] = count
      }
      #expect(table.rows(counts) == ResultCollector.rows(keyed, world: world))
    }
  }
}
