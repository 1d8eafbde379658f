import NetworkModel
import SimEngine
import SimKernel

/// The human report printed by `meshsim run`: per traffic stream, where requests ended and how
/// long they took, then the expectations.
public enum TextReport {
  public static func render(_ result: RunResult, colored: Bool = false) -> String {
    var out = "scenario \(result.scenario) · seed \(result.seed) · \(result.processedEvents) events · simulated \(result.endTime.sinceStart) · fingerprint \(result.fingerprint)\n"
    if result.stoppedAtEventLimit { out += "warning: the run stopped at the event limit; raise simulation.eventLimit\n" }
    for stream in result.streams {
      out += "\ntraffic \(stream.name): \(stream.sent) × \(stream.request) from \(stream.origin)\n"
      out += table(stream.outcomes, total: stream.sent)
      if stream.latency.count > 0 {
        let h = stream.latency
        out += "  latency ms  p50 \(h.percentile(perMille: 500).reportMilliseconds)  p90 \(h.percentile(perMille: 900).reportMilliseconds)  p99 \(h.percentile(perMille: 990).reportMilliseconds)  max \(h.max.reportMilliseconds)\n"
      }
    }
    if !result.expectations.isEmpty {
      out += "\nexpectations\n"
      for expectation in result.expectations {
        let verdict = expectation.passed ? paint("PASS", 32, colored) : paint("FAIL", 31, colored)
        out += "  \(verdict) \(expectation.name)\n       \(expectation.detail)\n"
      }
      let failed = result.expectations.filter { !$0.passed }.count
      out += failed == 0 ? "\nall \(result.expectations.count) expectations passed\n" : "\n\(failed) of \(result.expectations.count) expectations failed\n"
    }
    return out
  }

  /// The outcome table of one stream.
  public static func table(_ rows: [RunResult.OutcomeRow], total: Int) -> String {
    var lines = [["count", "share", "status", "disposition", "service", "task", "body"]]
    for row in rows {
      lines.append([
        String(row.count), percent(row.count, total), row.status.map(String.init) ?? "-", row.disposition,
        row.service ?? "-", row.task ?? "-", row.body.map { truncate($0, 24) } ?? "",
      ])
    }
    let widths = (0..<7).map { column in lines.map { $0[column].count }.max() ?? 0 }
    return lines.map { line in
      "  " + line.enumerated().map { column, cell in
        column < 2 ? String(repeating: " ", count: widths[column] - cell.count) + cell
          : cell + String(repeating: " ", count: widths[column] - cell.count)
      }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }.joined()
  }

  static func percent(_ count: Int, _ total: Int) -> String {
    guard total > 0 else { return "-" }
    let tenths = (count * 1000 + total / 2) / total
    return "\(tenths / 10).\(tenths % 10)%"
  }

  static func truncate(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  static func paint(_ text: String, _ code: Int, _ colored: Bool) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
