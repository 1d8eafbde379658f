import NetworkModel
import ScenarioFormat
import SimKernel

/// Checks a scenario's expectations against what the run observed.
public enum ExpectationEvaluator {
  /// Whether an outcome passes an expectation's filters.
  static func matches(_ filter: ExpectationSpec.Filter, key: StreamStatistics.OutcomeKey, world: World) -> Bool {
    if let service = filter.service, world.serviceName(key.service) != service { return false }
    if let task = filter.task, world.taskName(key.task) != task { return false }
    if let statuses = filter.statuses, !statuses.contains(key.status) { return false }
    if let statusClass = filter.statusClass, key.status / 100 != statusClass { return false }
    if let disposition = filter.disposition, key.disposition.rawValue != disposition { return false }
    if let body = filter.body, world.bodies.string(key.body) != body { return false }
    return true
  }

  static func evaluate(_ world: World) -> [ExpectationResult] {
    world.model.expectations.enumerated().map { index, expectation in
      let statistics = world.statistics[expectation.traffic]
      let slot = statistics.expectationIndices.firstIndex(of: index)!
      let window = statistics.windows[slot]
      var failures: [String] = []
      var facts: [String] = []
      let share = window.total == 0 ? 0 : Double(window.matching) / Double(window.total)
      if let bounds = expectation.share {
        let text = "share \(format(share)) (\(window.matching)/\(window.total))"
        facts.append(text)
        if window.total == 0 { failures.append("no requests in the window") }
        if !within(share, bounds, tolerance: 1e-9) { failures.append("\(text) not \(describe(bounds))") }
      }
      if let bounds = expectation.count {
        let text = "count \(window.matching)"
        facts.append(text)
        if !within(Double(window.matching), bounds, tolerance: 0) { failures.append("\(text) not \(describe(bounds))") }
      }
      if let bounds = expectation.distinctTasks {
        let text = "\(window.tasks.count) distinct task\(window.tasks.count == 1 ? "" : "s")"
        facts.append(text)
        if !within(Double(window.tasks.count), bounds, tolerance: 0) { failures.append("\(text) not \(describe(bounds))") }
      }
      for (statistic, bounds) in expectation.latencyMs {
        guard window.latency.count > 0 else {
          failures.append("no matching requests to measure \(statistic)")
          continue
        }
        let value = milliseconds(statistic, window.latency)
        let text = "\(statistic) \(format(value)) ms"
        facts.append(text)
        if !within(value, bounds, tolerance: 1e-9) { failures.append("\(text) not \(describe(bounds))") }
      }
      return ExpectationResult(name: expectation.name, passed: failures.isEmpty,
                               detail: failures.isEmpty ? facts.joined(separator: ", ") : failures.joined(separator: "; "))
    }
  }

  /// Latency statistic `statistic` (one an expectation may assert on: p50, p90, p95, p99, p999,
  /// min, mean, max) of `histogram`, in milliseconds; `ReplicationSummary` reports its
  /// statistics with it too.
  static func milliseconds(_ statistic: String, _ histogram: LatencyHistogram) -> Double {
    let value: SimDuration
    switch statistic {
    case "p50": value = histogram.percentile(perMille: 500)
    case "p90": value = histogram.percentile(perMille: 900)
    case "p95": value = histogram.percentile(perMille: 950)
    case "p99": value = histogram.percentile(perMille: 990)
    case "p999": value = histogram.percentile(numerator: 999, denominator: 1000)
    case "min": value = histogram.min
    case "mean": value = histogram.mean
    default: value = histogram.max
    }
    return Double(value.nanoseconds) / 1_000_000
  }

  static func within(_ value: Double, _ bounds: ExpectationSpec.Bounds, tolerance: Double) -> Bool {
    bounds.contains(value, tolerance: tolerance)
  }

  static func describe(_ bounds: ExpectationSpec.Bounds) -> String { bounds.summary }

  static func format(_ value: Double) -> String { ExpectationSpec.Bounds.format(value) }
}

/// The verdict on one expectation.
public struct ExpectationResult: Sendable {
  public var name: String
  public var passed: Bool
  public var detail: String
}
