import NetworkModel
import SimKernel

/// What happened to one traffic stream: outcome counts and a latency histogram, plus the
/// accumulators of the expectations that watch it. Memory does not grow with the request count.
public struct StreamStatistics: Sendable {
  /// One row of the report: who answered, with what, and why.
  public struct OutcomeKey: Hashable, Sendable {
    public var service: Int32
    public var task: Int32
    public var status: Int
    public var disposition: Disposition
    public var body: Int32
  }
  /// Counts for one expectation's window.
  public struct Window: Sendable {
    public var total = 0
    public var matching = 0
    public var latency = LatencyHistogram()
    /// Tasks that answered matching requests (only their number is reported).
    public var tasks: Set<Int32> = []
  }

  public let stream: Int
  public var sent = 0
  public var completed = 0
  public var outcomes: [OutcomeKey: Int] = [:]
  public var latency = LatencyHistogram()
  /// Per-second outcome counts (for timelines): second → key → count.
  public var perSecond: [Int: [OutcomeKey: Int]] = [:]
  public let expectationIndices: [Int]
  public var windows: [Window]

  public init(stream: Int, expectations: [Int]) {
    self.stream = stream
    self.expectationIndices = expectations
    self.windows = Array(repeating: Window(), count: expectations.count)
  }

  mutating func record(_ response: Response, latency: SimDuration, startedAt: SimTime, world: World) {
    completed += 1
    let key = OutcomeKey(service: response.originService, task: response.originTask, status: response.status,
                         disposition: response.disposition, body: response.body)
    outcomes[key, default: 0] += 1
    self.latency.record(latency)
    let second = Int(startedAt.nanoseconds / 1_000_000_000)
    perSecond[second, default: [:]][key, default: 0] += 1
    for (slot, index) in expectationIndices.enumerated() {
      let expectation = world.model.expectations[index]
      if let after = expectation.after, startedAt < SimTime.zero + after { continue }
      if let before = expectation.before, startedAt >= SimTime.zero + before { continue }
      windows[slot].total += 1
      if ExpectationEvaluator.matches(expectation.filter, key: key, world: world) {
        windows[slot].matching += 1
        windows[slot].latency.record(latency)
        if response.originTask >= 0 { windows[slot].tasks.insert(response.originTask) }
      }
    }
  }
}
