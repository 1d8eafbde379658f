import SimKernel

/// When requests reached one ECS task: first and last arrival and a count per second of
/// simulated time. Memory grows with the run's length, never with its request count.
///
/// Comparisons read it to tell how long a new task waited for its first request after a
/// scale-out, how long a failed task kept receiving requests, and how traffic split between
/// the versions of a service.
///
/// The second the last request arrived in is counted apart (`currentCount`), so that a request
/// in the same second as the one before (nearly all) adds to a plain integer, without the
/// division into seconds and the copy-on-write check of a write into the array.
public struct TaskActivity: Sendable, Equatable {
  /// The task (`orders/3`) and its ECS service (`orders`).
  public var task: String
  public var service: String
  public var firstRequest: SimTime?
  public var lastRequest: SimTime?
  public var requests: Int
  /// Requests per second, except the `currentCount` of second `currentSecond` (index = second).
  private var counts: [Int] = []
  /// The second counted apart (an index of `counts`) and the nanosecond it starts at
  /// (`Int64.min` before the first request: no time falls in it).
  private var currentSecond = 0
  private var currentStart = Int64.min
  private var currentCount = 0

  private static let second: Int64 = 1_000_000_000

  public init(task: String, service: String) {
    self.task = task
    self.service = service
    self.firstRequest = nil
    self.lastRequest = nil
    self.requests = 0
  }

  /// Requests that arrived in each second since the start (index = second).
  public var perSecond: [Int] {
    var result = counts
    if currentCount > 0 { result[currentSecond] += currentCount }
    return result
  }

  /// Counts a request arriving at `time` (on every request's path: inlined into the caller).
  @inline(__always)
  public mutating func record(_ time: SimTime) {
    if firstRequest == nil { firstRequest = time }
    lastRequest = time
    requests += 1
    // One unsigned comparison: whether `time` falls in the second counted apart.
    if UInt64(bitPattern: time.nanoseconds &- currentStart) < UInt64(Self.second) {
      currentCount += 1
    } else {
      countInAnotherSecond(time)
    }
  }

  /// Moves the count apart into `counts` and starts counting `time`'s second apart.
  private mutating func countInAnotherSecond(_ time: SimTime) {
    if currentCount > 0 { counts[currentSecond] += currentCount }
    let second = Int(time.nanoseconds / Self.second)
    if second >= counts.count {
      counts += Array(repeating: 0, count: second + 1 - counts.count)
    }
    currentSecond = second
    currentStart = Int64(second) * Self.second
    currentCount = 1
  }

  /// Requests that arrived in `[from, to)` seconds.
  public func requests(fromSecond from: Int, toSecond to: Int) -> Int {
    let lower = max(0, from)
    let upper = min(counts.count, to)
    guard lower < upper else { return 0 }
    let current = currentSecond >= lower && currentSecond < upper ? currentCount : 0
    return counts[lower..<upper].reduce(0, +) + current
  }

  /// Equal when everything observable is: the same counts per second whichever second is
  /// counted apart.
  public static func == (lhs: TaskActivity, rhs: TaskActivity) -> Bool {
    lhs.task == rhs.task && lhs.service == rhs.service && lhs.firstRequest == rhs.firstRequest
      && lhs.lastRequest == rhs.lastRequest && lhs.requests == rhs.requests && lhs.perSecond == rhs.perSecond
  }
}
