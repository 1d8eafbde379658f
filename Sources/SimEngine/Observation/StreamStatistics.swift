import NetworkModel
import SimKernel

/// What happened to one traffic stream: outcome counts and a latency histogram, plus the
/// accumulators of the expectations that watch it. Memory does not grow with the request count.
///
/// Recording is on every request's path, so outcomes are numbered as they are first seen
/// (`outcomeKeys`) and every count is a cell of a flat array indexed by outcome number: the
/// stream's counts, the counts of the requests that started inside each distinct expectation
/// window (`spans`), and per-second counts. Whether an outcome passes an expectation's filter is
/// decided once per outcome, not per request; a window's totals, matches and distinct tasks are
/// then sums over outcomes, worked out when `windows` is read. Only a window's latency
/// histogram is filled per request. `outcomes`, `perSecond` and `windows` rebuild the keyed
/// views for reports.
public struct StreamStatistics: Sendable {
  /// One row of the report: who answered, with what, and why.
  public struct OutcomeKey: Hashable, Sendable {
    public var service: Int32
    public var task: Int32
    public var status: Int
    public var disposition: Disposition
    public var body: Int32

    /// Field by field, inlined (recording compares a request's outcome with a recent one).
    /// Written by hand for latency: the synthesized `==` compares the same fields in the same
    /// way (so hashing, which stays synthesized, agrees with it) but costs 8 more instructions
    /// per ColorTeller request (callgrind, measured 2026-11-22).
    @inline(__always)
    public static func == (lhs: OutcomeKey, rhs: OutcomeKey) -> Bool {
      lhs.service == rhs.service && lhs.task == rhs.task && lhs.status == rhs.status
        && lhs.disposition == rhs.disposition && lhs.body == rhs.body
    }
  }
  /// Counts for one expectation's window. `latency` and `tasks` are kept only for an
  /// expectation that asserts on them (`latencyMs`, `distinctTasks`): they stay empty otherwise.
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
  public var latency = LatencyHistogram()
  public let expectationIndices: [Int]
  /// Distinct outcomes in the order they were first seen.
  public private(set) var outcomeKeys: [OutcomeKey] = []
  private var outcomeNumbers: [OutcomeKey: Int] = [:]
  /// Recently seen outcomes and their numbers, direct-mapped by a cheap hash of task, service
  /// and status (most requests repeat one of a few recent outcomes).
  /// Each entry holds a key with its number (one array: one index check per look).
  private var recent: [(key: OutcomeKey, number: Int)?] = Array(repeating: nil, count: 32)
  /// Cells per row of the flat count arrays: a power of two above every outcome number.
  private var columns = 8
  /// Row 0: requests per outcome; row `1 + span`: requests that started inside span `span`.
  private var counts = ContiguousArray(repeating: 0, count: 8)
  /// Row `second` (of request start): requests per outcome, for outcome numbers below
  /// `denseOutcomes` and seconds below `denseSeconds`; the rare cells beyond go to
  /// `sparseSecondCounts`.
  private var secondCounts: ContiguousArray<Int> = []
  /// `second << 24 | outcome number` → count, for the cells `secondCounts` does not hold.
  private var sparseSecondCounts = CountTable()
  /// The outcomes and seconds counted in `secondCounts`, which bound its memory (rows are
  /// added as the run reaches them).
  static let denseOutcomes = 64
  static let denseSeconds = 1 << 16
  /// The distinct time windows of the watching expectations (`[start, end)` in nanoseconds of
  /// request start): expectations over one window share its counts.
  private var spanStarts: [Int64] = []
  private var spanEnds: [Int64] = []
  /// Per watching expectation: its span, whether each outcome (by number) passes its filter,
  /// and whether it asserts on distinct tasks.
  private var slotSpans: [Int] = []
  private var filterPasses: [[Bool]] = []
  private var slotCountsTasks: [Bool] = []
  /// The expectations that assert on latency (by slot), and their histograms of matching
  /// requests; `latencyPasses[latency * columns + number]` says whether outcome `number`
  /// passes the filter of the `latency`-th of them.
  private var latencySlots: [Int] = []
  private var latencyHistograms: [LatencyHistogram] = []
  private var latencyPasses: ContiguousArray<Bool> = []
  /// Whether each of those expectations has so far watched every request of the stream (its
  /// window is unbounded and every outcome seen passes its filter): its histogram is then the
  /// stream's own, kept once. It gets a copy of its own when the first request it does not
  /// match arrives (`unshareLatency`).
  private var latencyShared: [Bool] = []
  /// Whether some latency expectation has a histogram of its own (some `latencyShared` is
  /// false): only then does recording a request look at them.
  private var anyLatencyUnshared = false
  private var windowsPrepared = false

  public init(stream: Int, expectations: [Int]) {
    self.stream = stream
    self.expectationIndices = expectations
  }

  /// Requests per outcome, by outcome number.
  public var outcomeCounts: [Int] { Array(counts[0..<outcomeKeys.count]) }

  /// Outcome → count.
  public var outcomes: [OutcomeKey: Int] {
    var result: [OutcomeKey: Int] = [:]
    for (number, key) in outcomeKeys.enumerated() { result[key] = counts[number] }
    return result
  }

  /// Per-second outcome counts (by second of request start): second → key → count.
  public var perSecond: [Int: [OutcomeKey: Int]] {
    var result: [Int: [OutcomeKey: Int]] = [:]
    for (second, counts) in countsPerSecond() {
      result[second] = Dictionary(uniqueKeysWithValues: counts.map { (outcomeKeys[$0.number], $0.count) })
    }
    return result
  }

  /// The per-second outcome counts by outcome number: the seconds in increasing order, each with
  /// its non-zero counts in increasing outcome number (what reports walk, without a dictionary
  /// per second).
  public func countsPerSecond() -> [(second: Int, counts: [(number: Int, count: Int)])] {
    var sparse: [Int: [(number: Int, count: Int)]] = [:]
    for (packed, count) in sparseSecondCounts.counts {
      sparse[Int(packed >> 24), default: []].append((Int(packed & 0xFF_FFFF), count))
    }
    var result: [(second: Int, counts: [(number: Int, count: Int)])] = []
    let dense = min(outcomeKeys.count, Self.denseOutcomes)
    for second in 0..<secondCounts.count / columns {
      var counts: [(number: Int, count: Int)] = []
      for number in 0..<dense where secondCounts[second * columns + number] > 0 {
        counts.append((number, secondCounts[second * columns + number]))
      }
      if let extra = sparse.removeValue(forKey: second) { counts += extra.sorted { $0.number < $1.number } }
      if !counts.isEmpty { result.append((second, counts)) }
    }
    for second in sparse.keys.sorted() { result.append((second, sparse[second]!.sorted { $0.number < $1.number })) }
    return result
  }

  /// Each watching expectation's window, in the order of `expectationIndices`.
  public var windows: [Window] {
    guard windowsPrepared else { return Array(repeating: Window(), count: expectationIndices.count) }
    return slotSpans.indices.map { slot in
      var window = Window()
      let row = (1 + slotSpans[slot]) * columns
      for number in outcomeKeys.indices {
        let count = counts[row + number]
        window.total += count
        guard count > 0, filterPasses[slot][number] else { continue }
        window.matching += count
        if slotCountsTasks[slot] && outcomeKeys[number].task >= 0 { window.tasks.insert(outcomeKeys[number].task) }
      }
      if let latency = latencySlots.firstIndex(of: slot) {
        window.latency = latencyShared[latency] ? self.latency : latencyHistograms[latency]
      }
      return window
    }
  }

  /// Counts a completed request. Always inlined into `World.complete`, its caller per request.
  @inline(__always)
  mutating func record(_ response: Response, latency: SimDuration, startedAt: SimTime, world: World) {
    completed += 1
    let key = OutcomeKey(service: response.originService, task: response.originTask, status: response.status,
                         disposition: response.disposition, body: response.body)
    let number = outcomeNumber(key, world: world)
    let start = startedAt.nanoseconds
    // The one start no unbounded window holds (they end before `Int64.max`).
    if start == .max { unshareLatency { _ in true } }
    self.latency.record(latency)
    let columns = self.columns
    // The stream's count and its spans' in one pass over one buffer (one uniqueness check).
    let spans = spanStarts.count
    counts.withUnsafeMutableBufferPointer { counts in
      counts[number] &+= 1
      for span in 0..<spans where start >= spanStarts[span] && start < spanEnds[span] {
        counts[(1 &+ span) &* columns &+ number] &+= 1
      }
    }
    let second = Int(start / 1_000_000_000)
    if number < Self.denseOutcomes && second < Self.denseSeconds {
      let cell = second * columns + number
      if cell >= secondCounts.count { growSeconds(to: second) }
      secondCounts[cell] &+= 1
    } else {
      sparseSecondCounts.add(Int64(second) << 24 | Int64(number))
    }
    guard anyLatencyUnshared else { return }
    for index in latencySlots.indices where !latencyShared[index] && latencyPasses[index &* columns &+ number] {
      let span = slotSpans[latencySlots[index]]
      if start >= spanStarts[span] && start < spanEnds[span] { latencyHistograms[index].record(latency) }
    }
  }

  /// The number of an outcome, assigning the next one (and deciding the expectations' filters
  /// for it) the first time it is seen.
  @inline(__always)
  private mutating func outcomeNumber(_ key: OutcomeKey, world: World) -> Int {
    let recent = Int(truncatingIfNeeded: key.task &* 31 &+ key.service &* 7 &+ Int32(truncatingIfNeeded: key.status)) & 31
    if let known = self.recent[recent], known.key == key { return known.number }
    let number = outcomeNumbers[key] ?? newOutcome(key, world: world)
    self.recent[recent] = (key, number)
    return number
  }

  /// Numbers a new outcome: widens the count rows when it does not fit, and decides whether
  /// it passes each watching expectation's filter.
  private mutating func newOutcome(_ key: OutcomeKey, world: World) -> Int {
    let number = outcomeKeys.count
    precondition(number < 1 << 24, "too many distinct outcomes in one stream")
    if !windowsPrepared { prepareWindows(world: world) }
    if number >= columns { widen(to: columns * 2) }
    outcomeKeys.append(key)
    outcomeNumbers[key] = number
    for (slot, index) in expectationIndices.enumerated() {
      let passes = ExpectationEvaluator.matches(world.model.expectations[index].filter, key: key, world: world)
      filterPasses[slot].append(passes)
      if let latency = latencySlots.firstIndex(of: slot) { latencyPasses[latency * columns + number] = passes }
    }
    let passes = latencyPasses
    let columns = self.columns
    unshareLatency { !passes[$0 * columns + number] }
    return number
  }

  /// Reads the expectations' time windows once: distinct windows become spans.
  private mutating func prepareWindows(world: World) {
    windowsPrepared = true
    for (slot, index) in expectationIndices.enumerated() {
      let expectation = world.model.expectations[index]
      let start = expectation.after?.nanoseconds ?? .min
      let end = expectation.before?.nanoseconds ?? .max
      var span = 0
      while span < spanStarts.count && (spanStarts[span] != start || spanEnds[span] != end) { span += 1 }
      if span == spanStarts.count {
        spanStarts.append(start)
        spanEnds.append(end)
      }
      slotSpans.append(span)
      slotCountsTasks.append(expectation.distinctTasks != nil)
      if !expectation.latencyMs.isEmpty { latencySlots.append(slot) }
    }
    filterPasses = Array(repeating: [], count: expectationIndices.count)
    latencyHistograms = Array(repeating: LatencyHistogram(), count: latencySlots.count)
    counts = ContiguousArray(repeating: 0, count: (1 + spanStarts.count) * columns)
    latencyPasses = ContiguousArray(repeating: false, count: latencySlots.count * columns)
    latencyShared = latencySlots.map { spanStarts[slotSpans[$0]] == .min && spanEnds[slotSpans[$0]] == .max }
    anyLatencyUnshared = latencyShared.contains(false)
  }

  /// Gives each latency expectation that shares the stream's histogram and for which
  /// `condition` holds (it does not watch the request being recorded) a copy of its own: every
  /// request recorded so far was one it watched.
  private mutating func unshareLatency(_ condition: (Int) -> Bool) {
    for index in latencyShared.indices where latencyShared[index] && condition(index) {
      latencyHistograms[index] = latency
      latencyShared[index] = false
      anyLatencyUnshared = true
    }
  }

  /// Re-lays the flat arrays out with `newColumns` cells per row.
  private mutating func widen(to newColumns: Int) {
    counts = Self.relaid(counts, from: columns, to: newColumns, filler: 0)
    secondCounts = Self.relaid(secondCounts, from: columns, to: newColumns, filler: 0)
    latencyPasses = Self.relaid(latencyPasses, from: columns, to: newColumns, filler: false)
    columns = newColumns
  }

  static func relaid<Cell>(_ rows: ContiguousArray<Cell>, from old: Int, to new: Int, filler: Cell) -> ContiguousArray<Cell> {
    var result = ContiguousArray(repeating: filler, count: rows.count / old * new)
    for row in 0..<rows.count / old {
      for column in 0..<old { result[row * new + column] = rows[row * old + column] }
    }
    return result
  }

  /// Adds per-second rows up to second `second` (at least doubling, so growth is amortized).
  private mutating func growSeconds(to second: Int) {
    let rows = min(max(second + 1, secondCounts.count / columns * 2), Self.denseSeconds)
    secondCounts.append(contentsOf: repeatElement(0, count: rows * columns - secondCounts.count))
  }
}
