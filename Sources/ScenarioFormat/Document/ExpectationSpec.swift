import SimKernel

/// An assertion checked after the run (simulation-only, under `expect`).
///
/// It selects the requests of one traffic stream (optionally those started inside a time
/// window), narrows them with filters, and asserts their share, count or latency.
public struct ExpectationSpec: Sendable {
  public struct Filter: Sendable {
    public var service: String?
    public var task: String?
    public var statuses: [Int]?
    public var statusClass: Int?
    public var disposition: String?
    public var body: String?
    public var isEmpty: Bool {
      service == nil && task == nil && statuses == nil && statusClass == nil && disposition == nil && body == nil
    }
  }
  public struct Bounds: Sendable {
    public var min: Double?
    public var max: Double?
  }
  public var name: String?
  public var traffic: String
  public var after: SimDuration?
  public var before: SimDuration?
  public var filter: Filter
  public var share: Bounds?
  public var count: Bounds?
  /// Bounds on how many distinct tasks answered the matching requests (a DNS answer of 8
  /// addresses shows up as 8 tasks, a WEIGHTED answer as 1).
  public var distinctTasks: Bounds?
  /// Latency bounds in milliseconds keyed by statistic (`p50`, `p90`, `p99`, `max`, `mean`).
  public var latencyMs: [(statistic: String, bounds: Bounds)]
  public var source: SourceRef
}
