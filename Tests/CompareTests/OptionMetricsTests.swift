import Compare
import SimKernel
import Testing

@testable import SimEngine

@Suite struct OptionMetricsTests {
  static func activity(
    _ task: String, requests: [(second: Int, count: Int)], first: Double? = nil, last: Double? = nil
  )
    -> TaskActivity
  {
    var activity = TaskActivity(task: task, service: String(task.split(separator: "/")[0]))
    for (second, count) in requests {
      for _ in 0..<count {
        activity.record(SimTime(nanoseconds: Int64(second) * 1_000_000_000 + 1))
      }
    }
    if let first { activity.firstRequest = SimTime(nanoseconds: Int64(first * 1e9)) }
    if let last { activity.lastRequest = SimTime(nanoseconds: Int64(last * 1e9)) }
    return activity
  }

  static func row(_ disposition: String, _ count: Int, status: Int? = nil) -> RunResult.OutcomeRow {
    RunResult.OutcomeRow(
      service: nil, task: nil, status: status, disposition: disposition, count: count, body: nil)
  }

  static func result() -> RunResult {
    var latency = LatencyHistogram()
    for ms in [10, 20, 30, 40] { latency.record(.milliseconds(Int64(ms))) }
    let stream = RunResult.Stream(
      name: "users", origin: "internet", request: "GET /", sent: 100,
      outcomes: [row("delivered", 95, status: 200), row("timedOut", 4), row("hostUnreachable", 1)],
      latency: latency,
      perSecond: [
        (10, [row("delivered", 10, status: 200)]), (42, [row("timedOut", 3)]),
        (50, [row("hostUnreachable", 1)]),
        (70, [row("timedOut", 1)]),
      ])
    var result = RunResult(
      scenario: "tiny", seed: 1, streams: [stream], expectations: [], fingerprint: "0",
      processedEvents: 0,
      stoppedAtEventLimit: false, endTime: SimTime(nanoseconds: 90_000_000_000), traces: [],
      timeline: [
        TimelineEntry(time: SimTime(nanoseconds: 40_000_000_000), text: "task back-v1/3 RUNNING")
      ], edges: [])
    result.tasks = [
      activity("front/1", requests: [(5, 1)], first: 5, last: 41.5),
      activity("back-v1/1", requests: [(10, 45), (70, 25)]),
      activity("back-v1/2", requests: [(10, 45), (70, 25)]),
      activity("back-v1/3", requests: [(45, 1)], first: 45, last: 45),
      activity("back-v2/1", requests: [(10, 10), (70, 50)]),
    ]
    return result
  }

  @Test func outcomesFailuresAndLatency() throws {
    let (app, _) = CompareFixtures.decode(CompareFixtures.small)
    let metrics = OptionMetrics(app: try #require(app), result: Self.result())
    #expect(metrics.sent == 100)
    #expect(metrics.succeeded == 95)
    #expect(metrics.failures.map(\.disposition) == ["timedOut", "hostUnreachable"])
    #expect(metrics.failures.map(\.count) == [4, 1])
    #expect(metrics.latency.count == 4)
  }

  @Test func scaleOutMeasuresFromTheEventAndFromRunning() throws {
    let (app, _) = CompareFixtures.decode(CompareFixtures.small)
    let metrics = OptionMetrics(app: try #require(app), result: Self.result())
    let scale = try #require(metrics.scaleOuts.first)
    #expect(scale.ecsService == "back-v1")
    #expect(scale.newTasks == ["back-v1/3"])
    #expect(scale.firstRequestAfterEvent == .seconds(25))
    #expect(scale.firstRequestAfterRunning == .seconds(5))
    #expect(scale.idleTasks == 0)
  }

  @Test func stoppedTaskCountsFailuresUntilTheNextEvent() throws {
    let (app, _) = CompareFixtures.decode(CompareFixtures.small)
    let metrics = OptionMetrics(app: try #require(app), result: Self.result())
    let stop = try #require(metrics.stoppedTasks.first)
    #expect(stop.task == "front/1")
    #expect(stop.lastRequestAfterEvent == .milliseconds(1500))
    #expect(stop.failuresAfter == 4)
    #expect(stop.lastFailureAfter == .seconds(10))
  }

  @Test func versionSplitsCompareAskedAndObserved() throws {
    let (app, _) = CompareFixtures.decode(CompareFixtures.small)
    let metrics = OptionMetrics(app: try #require(app), result: Self.result())
    #expect(metrics.versionSplits.count == 2)
    let before = metrics.versionSplits[0]
    #expect(before.from == .zero && before.until == .seconds(60))
    #expect(before.versions.map(\.asked) == [900, 100])
    #expect(before.versions.map(\.requests) == [91, 10])
    #expect(before.versions.map(\.observed) == [901, 99])
    let after = metrics.versionSplits[1]
    #expect(after.until == nil)
    #expect(after.versions.map(\.asked) == [500, 500])
    #expect(after.versions.map(\.observed) == [500, 500])
  }

  @Test func taskActivityCountsWindows() {
    var activity = TaskActivity(task: "a/1", service: "a")
    for second in [0, 0, 3, 7] {
      activity.record(SimTime(nanoseconds: Int64(second) * 1_000_000_000))
    }
    #expect(activity.requests == 4)
    #expect(activity.perSecond == [2, 0, 0, 1, 0, 0, 0, 1])
    #expect(activity.requests(fromSecond: 1, toSecond: 8) == 2)
    #expect(activity.requests(fromSecond: -5, toSecond: 1) == 2)
    #expect(activity.requests(fromSecond: 9, toSecond: 20) == 0)
    #expect(activity.firstRequest == .zero)
    #expect(activity.lastRequest == SimTime(nanoseconds: 7_000_000_000))
  }
}
