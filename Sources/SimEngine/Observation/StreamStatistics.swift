import NetworkModel
import SimKernel

/// What happened to one traffic stream: outcome counts and a latency histogram, plus the
/// accumulators of the expectations that watch it. Memory does not grow with the request count.
///
/// Recording is on every request's path, so outcomes are numbered as they are first seen
/// (`outcomeKeys`) and counted in arrays; whether an outcome passes an expectation's filter is
/// decided once per outcome, not per request. `outcomes` and `perSecond` rebuild the keyed
/// views for reports.
public struct StreamStatistics: Sendable {
  /// One row of the report: who answered, with what, and why.
  public struct OutcomeKey: Hashable, Sendable {
    public var service: Int32
    public var task: Int32
    public var status: Int
    public var disposition: Disposition
    public var body: Int32
  }
  /// Counts for one expectation's window. `latency` and `tasks` are kept only for an
  /// expectation that asserts on them (`latencyMs`, `distinctTasks`): they stay empty otherwise.
  public struct Window: Sendable {
    public var total = 0
    public var matching = 0
    public var latency = LatencyHistogram()
    /// Tasks that answered matching requests (only their number is reported).
    public var tasks: Set<Int32> = []
    /// Whether each task (by index) is already in `tasks`, so that a request answered by a
    /// known task costs an array read, not a set insertion.
    var tasksSeen: [Bool] = []

    /// Adds `task` to `tasks` the first time it answers a matching request.
    @inline(__always)
    mutating func noteTask(_ task: Int) {
      if task < tasksSeen.count && tasksSeen[task] { return }
      if task >= tasksSeen.count {
        tasksSeen.append(contentsOf: repeatElement(false, count: task + 1 - tasksSeen.count))
      }
      tasksSeen[task] = true
      tasks.insert(Int32(task))
    }
  }

  public let stream: Int
  public var sent = 0
  public var completed = 0
  public var latency = LatencyHistogram()
  public let expectationIndices: [Int]
  public var windows: [Window]
  /// Distinct outcomes in the order they were first seen, with their counts.
  public private(set) var outcomeKeys: [OutcomeKey] = []
  public private(set) var outcomeCounts: [Int] = []
  private var outcomeNumbers: [OutcomeKey: Int] = [:]
  /// Recently seen outcomes and their numbers, direct-mapped by a cheap hash of task, service
  /// and status (most requests repeat one of a few recent outcomes).
  private var recentKeys: [OutcomeKey?] = Array(repeating: nil, count: 32)
  private var recentNumbers: [Int] = Array(repeating: 0, count: 32)
  /// `second << 24 | outcome number` → count, for timelines.
  private var secondCounts = CountTable()
  /// Per watching expectation: its window in nanoseconds of request start, and whether each
  /// outcome (by number) passes its filter.
  private var windowStarts: [Int64] = []
  private var windowEnds: [Int64] = []
  private var filterPasses: [[Bool]] = []
  /// Per watching expectation: whether it asserts on latency, and on distinct tasks (the
  /// window's histogram and task set are filled only then).
  private var windowMeasuresLatency: [Bool] = []
  private var windowCountsTasks: [Bool] = []

  public init(stream: Int, expectations: [Int]) {
    self.stream = stream
    self.expectationIndices = expectations
    self.windows = Array(repeating: Window(), count: expectations.count)
  }

  /// Outcome → count.
  public var outcomes: [OutcomeKey: Int] {
    var result: [OutcomeKey: Int] = [:]
    for (number, key) in outcomeKeys.enumerated() { result[key] = outcomeCounts[number] }
    return result
  }

  /// Per-second outcome counts (by second of request start): second → key → count.
  public var perSecond: [Int: [OutcomeKey: Int]] {
    var result: [Int: [OutcomeKey: Int]] = [:]
    for (packed, count) in secondCounts.counts {
      result[Int(packed >> 24), default: [:]][outcomeKeys[Int(packed & 0xFF_FFFF)]] = count
    }
    return result
  }

  mutating func record(_ response: Response, latency: SimDuration, startedAt: SimTime, world: World) {
    completed += 1
    let key = OutcomeKey(service: response.originService, task: response.originTask, status: response.status,
                         disposition: response.disposition, body: response.body)
    let number = outcomeNumber(key, world: world)
    outcomeCounts[number] += 1
    self.latency.record(latency)
    let second = Int64(startedAt.nanoseconds / 1_000_000_000)
    secondCounts.add(second << 24 | Int64(number))
    let start = startedAt.nanoseconds
    let slots = windowStarts.count
    guard slots > 0 else { return }
    // The windows are written through one buffer: one uniqueness check per request, not one
    // per counter bumped.
    let task = Int(response.originTask)
    windows.withUnsafeMutableBufferPointer { windows in
      for slot in 0..<slots where start >= windowStarts[slot] && start < windowEnds[slot] {
        windows[slot].total += 1
        if filterPasses[slot][number] {
          windows[slot].matching += 1
          if windowMeasuresLatency[slot] { windows[slot].latency.record(latency) }
          if windowCountsTasks[slot] && task >= 0 { windows[slot].noteTask(task) }
        }
      }
    }
  }

  /// The number of an outcome, assigning the next one (and deciding the expectations' filters
  /// for it) the first time it is seen.
  @inline(__always)
  private mutating func outcomeNumber(_ key: OutcomeKey, world: World) -> Int {
    let recent = Int(truncatingIfNeeded: key.task &* 31 &+ key.service &* 7 &+ Int32(truncatingIfNeeded: key.status)) & 31
    if let known = recentKeys[recent], known == key { return recentNumbers[recent] }
    let number: Int
    if let known = outcomeNumbers[key] {
      number = known
    } else {
      number = outcomeKeys.count
      precondition(number < 1 << 24, "too many distinct outcomes in one stream")
      outcomeKeys.append(key)
      outcomeCounts.append(0)
      outcomeNumbers[key] = number
      if windowStarts.count != expectationIndices.count { prepareWindows(world: world) }
      for (slot, index) in expectationIndices.enumerated() {
        filterPasses[slot].append(ExpectationEvaluator.matches(world.model.expectations[index].filter, key: key, world: world))
      }
    }
    recentKeys[recent] = key
    recentNumbers[recent] = number
    return number
  }

  /// Reads the expectations' time windows once.
  private mutating func prepareWindows(world: World) {
    windowStarts = expectationIndices.map { world.model.expectations[$0].after?.nanoseconds ?? .min }
    windowEnds = expectationIndices.map { world.model.expectations[$0].before?.nanoseconds ?? .max }
    windowMeasuresLatency = expectationIndices.map { !world.model.expectations[$0].latencyMs.isEmpty }
    windowCountsTasks = expectationIndices.map { world.model.expectations[$0].distinctTasks != nil }
    filterPasses = Array(repeating: [], count: expectationIndices.count)
  }
}
