import ScenarioFormat
import SimEngine

/// The report of `meshsim run --replications K`: per stream, each outcome's share and each
/// latency statistic as a mean with its 95% confidence interval over the replications, and
/// how many replications each expectation held in. Numbers are written with fixed decimals, so
/// the same runs give the same bytes.
public enum ReplicationReport {
  public static func text(_ summary: ReplicationSummary) -> String {
    let seeds = summary.seeds.count == 1 ? "seed \(summary.seeds[0])" : "seeds \(summary.seeds.first!)…\(summary.seeds.last!)"
    var out = "scenario \(summary.scenario) · \(summary.replicationCount) replications · \(seeds) · \(summary.processedEvents) events\n"
    for stream in summary.streams {
      out += "\ntraffic \(stream.name): \(stream.sent) × \(stream.request) from \(stream.origin) (all replications)\n"
      var lines = [["count", "share (mean ± 95% CI)", "min–max", "status", "disposition", "service", "task"]]
      for row in stream.outcomes {
        lines.append([
          String(row.count), percent(row.share.mean) + interval(row.share.halfWidth, percent: true),
          percent(row.share.minimum) + "–" + percent(row.share.maximum), row.status.map(String.init) ?? "-",
          row.disposition, row.service ?? "-", row.task ?? "-",
        ])
      }
      out += table(lines, rightAligned: 2)
      if !stream.latency.isEmpty {
        var latency = [["latency ms", "mean ± 95% CI", "min–max", "pooled"]]
        for statistic in stream.latency {
          latency.append([
            statistic.statistic, fixed(statistic.estimate.mean, 3) + interval(statistic.estimate.halfWidth, percent: false),
            fixed(statistic.estimate.minimum, 3) + "–" + fixed(statistic.estimate.maximum, 3), fixed(statistic.pooled, 3),
          ])
        }
        out += table(latency, rightAligned: 0)
      }
    }
    if !summary.expectations.isEmpty {
      out += "\nexpectations (replications in which each held)\n"
      for expectation in summary.expectations {
        let verdict = expectation.passedCount == summary.replicationCount ? "PASS" : "FAIL"
        out += "  \(verdict) \(expectation.passedCount)/\(summary.replicationCount) \(expectation.name)\n"
      }
    }
    out += "\nfingerprints\n"
    for (seed, fingerprint) in zip(summary.seeds, summary.fingerprints) { out += "  seed \(seed)  \(fingerprint)\n" }
    return out
  }

  public static func json(_ summary: ReplicationSummary) -> String {
    value(summary).rendered(pretty: true) + "\n"
  }

  public static func value(_ summary: ReplicationSummary) -> JSONOutput {
    .object([
      "scenario": .string(summary.scenario),
      "replications": .int(Int64(summary.replicationCount)),
      "seeds": .array(summary.seeds.map { .int(Int64(bitPattern: $0)) }),
      "fingerprints": .array(summary.fingerprints.map(JSONOutput.string)),
      "events": .int(Int64(summary.processedEvents)),
      "traffic": .array(summary.streams.map { stream in
        .object([
          "name": .string(stream.name), "from": .string(stream.origin), "request": .string(stream.request),
          "sent": .int(Int64(stream.sent)),
          "outcomes": .array(stream.outcomes.map { row in
            .object([
              "service": row.service.map(JSONOutput.string) ?? .null, "task": row.task.map(JSONOutput.string) ?? .null,
              "status": row.status.map { .int(Int64($0)) } ?? .null, "disposition": .string(row.disposition),
              "count": .int(Int64(row.count)), "share": estimate(row.share, digits: 6),
            ])
          }),
          "latencyMs": stream.latency.isEmpty ? .null : .object(Dictionary(uniqueKeysWithValues: stream.latency.map { statistic in
            var fields = estimateFields(statistic.estimate, digits: 6)
            fields["pooled"] = .number(fixed(statistic.pooled, 6))
            return (statistic.statistic, JSONOutput.object(fields))
          })),
        ])
      }),
      "expectations": .array(summary.expectations.map { expectation in
        .object([
          "name": .string(expectation.name), "passed": .bool(expectation.passedCount == summary.replicationCount),
          "passedIn": .int(Int64(expectation.passedCount)),
        ])
      }),
    ])
  }

  static func estimate(_ estimate: SampleEstimate, digits: Int) -> JSONOutput {
    .object(estimateFields(estimate, digits: digits))
  }

  static func estimateFields(_ estimate: SampleEstimate, digits: Int) -> [String: JSONOutput] {
    [
      "mean": .number(fixed(estimate.mean, digits)),
      "ci95": estimate.halfWidth == nil ? .null : .array([.number(fixed(estimate.low, digits)), .number(fixed(estimate.high, digits))]),
      "min": .number(fixed(estimate.minimum, digits)),
      "max": .number(fixed(estimate.maximum, digits)),
    ]
  }

  static func interval(_ halfWidth: Double?, percent: Bool) -> String {
    guard let halfWidth else { return "" }
    return " ± " + (percent ? self.percent(halfWidth) : fixed(halfWidth, 3))
  }

  static func percent(_ share: Double) -> String { fixed(share * 100, 2) + "%" }

  /// `value` with exactly `digits` decimals, rounded half away from zero, without Foundation.
  static func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled.magnitude < 9e18 else { return value < 0 ? "-9e18" : "9e18" }
    let integer = Int64(scaled)
    let magnitude = integer.magnitude
    let unit = UInt64(scale)
    var text = (integer < 0 ? "-" : "") + String(magnitude / unit)
    if digits > 0 {
      let fraction = String(magnitude % unit)
      text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return text
  }

  /// Aligned columns; the first `rightAligned` columns are right-aligned.
  static func table(_ lines: [[String]], rightAligned: Int) -> String {
    let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
    return lines.map { line in
      "  " + line.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column < rightAligned ? pad + cell : cell + pad
      }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }.joined()
  }
}
