import SimKernel

/// When requests reached one ECS task: first and last arrival and a count per second of
/// simulated time. Memory grows with the run's length, never with its request count.
///
/// Comparisons read it to tell how long a new task waited for its first request after a
/// scale-out, how long a failed task kept receiving requests, and how traffic split between
/// the versions of a service.
public struct TaskActivity: Sendable, Equatable {
  /// The task (`orders/3`) and its ECS service (`orders`).
  public var task: String
  public var service: String
  public var firstRequest: SimTime?
  public var lastRequest: SimTime?
  public var requests: Int
  /// Requests that arrived in each second since the start (index = second).
  public var perSecond: [Int]

  public init(task: String, service: String) {
    self.task = task
    self.service = service
    self.firstRequest = nil
    self.lastRequest = nil
    self.requests = 0
    self.perSecond = []
  }

  /// Counts a request arriving at `time` (on every request's path: inlined into the caller).
  @inline(__always)
  public mutating func record(_ time: SimTime) {
    if firstRequest == nil { firstRequest = time }
    lastRequest = time
    requests += 1
    let second = Int(time.nanoseconds / 1_000_000_000)
    if second >= perSecond.count {
      perSecond += Array(repeating: 0, count: second + 1 - perSecond.count)
    }
    perSecond[second] += 1
  }

  /// Requests that arrived in `[from, to)` seconds.
  public func requests(fromSecond from: Int, toSecond to: Int) -> Int {
    let lower = max(0, from)
    let upper = min(perSecond.count, to)
    return lower < upper ? perSecond[lower..<upper].reduce(0, +) : 0
  }
}
