import Reports
import ScenarioFormat
import SimEngine
import SimKernel

/// The report of `meshsim migrate`: what was translated, what cannot be carried over, and the
/// replay stream by stream (text, or JSON with sorted keys).
public enum MigrationReport {
  public static func text(_ replay: MigrationReplay) -> String {
    let plan = replay.plan
    let target = plan.target.title
    var out =
      "migrate \(replay.original.scenario) from App Mesh to \(target) · seed \(replay.original.seed)\n"
    out += "\nwhat was translated\n" + plan.changes.map { "  - \($0)\n" }.joined()
    out += "\nwhat cannot be carried over (\(plan.losses.count))\n"
    out +=
      plan.losses.isEmpty
      ? "  nothing\n"
      : plan.losses.map {
        "  - \($0.feature) · \($0.resource): \($0.consequence) [\($0.source)]\n"
      }.joined()
    guard let migrated = replay.migrated else {
      out += "\nerror: the migrated scenario is invalid (a MeshSim bug):\n"
      out += replay.problems.prefix(8).map { "  \($0.id): \($0.message)\n" }.joined()
      return out
    }
    out += "\nreplay: the same traffic, events and seed on both\n"
    for stream in replay.streams {
      out +=
        "\ntraffic \(stream.name): \(stream.differs ? "DIFFERS" : "same outcomes (every share within one point)")\n"
      let header = ["outcome (service · status · disposition)", "App Mesh", target]
      var lines = [header]
      for row in stream.rows {
        lines.append([
          row.outcome, cell(row.before, stream.sentBefore), cell(row.after, stream.sentAfter),
        ])
      }
      lines.append([
        "latency ms p50 / p99", latency(stream.latencyBefore), latency(stream.latencyAfter),
      ])
      let widths = (0..<3).map { column in lines.map { $0[column].count }.max() ?? 0 }
      for line in lines {
        out +=
          "  "
          + line.enumerated().map { column, text in
            column == 2
              ? text : text + String(repeating: " ", count: widths[column] - text.count + 2)
          }.joined() + "\n"
      }
    }
    out += "\n" + expectations(replay.original, "App Mesh") + expectations(migrated, target)
    if !plan.losses.isEmpty {
      out +=
        "\nsources\n"
        + AWSSources.lines(for: plan.losses.map(\.source)).map { "  \($0)\n" }.joined()
    }
    return out
  }

  static func cell(_ count: Int, _ total: Int) -> String {
    guard count > 0 else { return "-" }
    return "\(count) (\(ReportNumbers.percent(count, of: total)))"
  }

  static func latency(_ histogram: LatencyHistogram) -> String {
    guard histogram.count > 0 else { return "-" }
    return ReportNumbers.milliseconds(histogram.percentile(perMille: 500)) + " / "
      + ReportNumbers.milliseconds(histogram.percentile(perMille: 990))
  }

  static func expectations(_ result: RunResult, _ label: String) -> String {
    guard !result.expectations.isEmpty else { return "" }
    let failed = result.expectations.filter { !$0.passed }
    var out =
      "expectations on \(label): \(result.expectations.count - failed.count)/\(result.expectations.count) passed\n"
    for expectation in failed { out += "  FAIL \(expectation.name) — \(expectation.detail)\n" }
    return out
  }

  public static func json(_ replay: MigrationReplay) -> String {
    var fields: [String: JSONOutput] = [
      "scenario": .string(replay.original.scenario),
      "seed": .int(Int64(bitPattern: replay.original.seed)),
      "target": .string(replay.plan.target.rawValue), "migratedScenario": .string(replay.fileName),
      "changes": .array(replay.plan.changes.map(JSONOutput.string)),
      "losses": .array(
        replay.plan.losses.map {
          [
            "feature": .string($0.feature), "resource": .string($0.resource),
            "consequence": .string($0.consequence),
            "source": .string($0.source),
          ]
        }),
      "valid": .bool(replay.problems.isEmpty),
      "problems": .array(replay.problems.map { .string("\($0.id): \($0.message)") }),
      "streams": .array(
        replay.streams.map { stream in
          [
            "name": .string(stream.name), "differs": .bool(stream.differs),
            "sentBefore": .int(Int64(stream.sentBefore)),
            "sentAfter": .int(Int64(stream.sentAfter)),
            "outcomes": .array(
              stream.rows.map {
                [
                  "outcome": .string($0.outcome), "before": .int(Int64($0.before)),
                  "after": .int(Int64($0.after)),
                ]
              }),
          ]
        }),
    ]
    let passed = { (result: RunResult) -> JSONOutput in
      [
        "passed": .int(Int64(result.expectations.filter(\.passed).count)),
        "total": .int(Int64(result.expectations.count)),
      ]
    }
    fields["expectationsBefore"] = passed(replay.original)
    if let migrated = replay.migrated { fields["expectationsAfter"] = passed(migrated) }
    return JSONOutput.object(fields).rendered(pretty: true) + "\n"
  }
}
