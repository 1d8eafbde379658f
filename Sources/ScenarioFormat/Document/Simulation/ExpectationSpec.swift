import SimKernel

/// An assertion checked after the run (simulation-only, under `expect`).
///
/// It selects the requests of one traffic stream (optionally those started inside a time
/// window), narrows them with filters, and asserts their share, count or latency.
public struct ExpectationSpec: Sendable {
  /// Which of the stream's requests the expectation counts (all conditions must hold).
  public struct Filter: Sendable {
    public var service: String?
    public var task: String?
    public var statuses: [Int]?
    public var statusClass: Int?
    public var disposition: String?
    public var body: String?
    public var isEmpty: Bool {
      service == nil && task == nil && statuses == nil && statusClass == nil && disposition == nil
        && body == nil
    }
  }
  /// An inclusive range for a share, count or latency; either end may be open.
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

extension ExpectationSpec.Bounds {
  /// `= 1`, `in [0.45, 0.55]`, `>= 0.2`, `<= 20`.
  public var summary: String {
    switch (min, max) {
    case (let min?, let max?) where min == max: return "= \(Self.format(min))"
    case (let min?, let max?): return "in [\(Self.format(min)), \(Self.format(max))]"
    case (let min?, nil): return ">= \(Self.format(min))"
    case (nil, let max?): return "<= \(Self.format(max))"
    default: return "any"
    }
  }

  /// Whether `value` lies within the bounds (with a small tolerance for rounding).
  public func contains(_ value: Double, tolerance: Double = 1e-9) -> Bool {
    if let min, value < min - tolerance { return false }
    if let max, value > max + tolerance { return false }
    return true
  }

  /// Fixed three-decimal formatting without Foundation (deterministic), trailing zeros dropped.
  public static func format(_ value: Double) -> String {
    // Beyond ±10^15 thousandths would not fit Int64: use Swift's own (deterministic) spelling.
    guard value.isFinite, value.magnitude < 1e15 else { return "\(value)" }
    let scaled = Int64(value * 1000 + (value >= 0 ? 0.5 : -0.5))
    let magnitude = scaled.magnitude
    let fraction = magnitude % 1000
    var text = "\(scaled < 0 ? "-" : "")\(magnitude / 1000)"
    if fraction != 0 {
      var digits = String(fraction)
      while digits.count < 3 { digits = "0" + digits }
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits
    }
    return text
  }
}
