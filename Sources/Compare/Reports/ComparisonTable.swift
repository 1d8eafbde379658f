import SimKernel

/// The side-by-side table every comparison report renders: sections of rows, one label and one
/// cell per wiring. Text, JSON and HTML reports share it, so they always agree.
public struct ComparisonTable: Sendable {
  public struct Row: Sendable {
    public var label: String
    public var cells: [String]
    /// Cells worth a colour in HTML: "good", "bad" or "" per cell.
    public var tones: [String]
  }
  public struct Section: Sendable {
    public var title: String
    public var rows: [Row]
  }
  public var options: [WiringOption]
  public var sections: [Section]

  public init(_ comparison: Comparison) {
    options = comparison.runs.map(\.wired.option)
    sections = []
    let runs = comparison.runs
    let app = comparison.app
    func row(
      _ label: String, _ cell: (Comparison.Run) -> String,
      tone: (Comparison.Run) -> String = { _ in "" }
    ) -> Row {
      // A wiring that did not run gets no colour: there is nothing to judge.
      Row(
        label: label, cells: runs.map(cell), tones: runs.map { $0.metrics == nil ? "" : tone($0) })
    }
    func metric(_ run: Comparison.Run, _ body: (OptionMetrics) -> String) -> String {
      run.metrics.map(body) ?? "not run"
    }

    // Outcomes.
    var outcomes = [
      row("requests sent", { metric($0) { String($0.sent) } }),
      row(
        "answered as configured",
        { metric($0) { "\($0.succeeded) (\(Self.percent($0.succeeded, $0.sent)))" } },
        tone: { run in run.metrics.map { $0.succeeded == $0.sent ? "good" : "bad" } ?? "bad" }),
    ]
    let dispositions = Set(runs.compactMap(\.metrics).flatMap { $0.failures.map(\.disposition) })
      .sorted()
    for disposition in dispositions {
      outcomes.append(
        row(
          "failed: \(disposition)",
          { run in
            metric(run) { metrics in
              let count = metrics.failures.first { $0.disposition == disposition }?.count ?? 0
              return count == 0 ? "-" : "\(count) (\(Self.percent(count, metrics.sent)))"
            }
          },
          tone: { run in
            (run.metrics?.failures.contains { $0.disposition == disposition } ?? false) ? "bad" : ""
          }))
    }
    sections.append(Section(title: "where requests ended", rows: outcomes))

    // Latency.
    sections.append(
      Section(
        title: "latency of outside requests (ms)",
        rows: [500, 900, 990].map { perMille in
          row(
            "p\(perMille / 10)",
            {
              metric($0) {
                $0.latency.count == 0 ? "-" : Self.ms($0.latency.percentile(perMille: perMille))
              }
            })
        } + [row("max", { metric($0) { $0.latency.count == 0 ? "-" : Self.ms($0.latency.max) } })]))

    // Scale-outs and stopped tasks, matched by position (every run sees the same events).
    let scaleCount = runs.compactMap { $0.metrics?.scaleOuts.count }.max() ?? 0
    for index in 0..<scaleCount {
      guard let sample = runs.compactMap({ $0.metrics?.scaleOuts[index] }).first else { continue }
      let scale = { (run: Comparison.Run) in run.metrics?.scaleOuts[index] }
      sections.append(
        Section(
          title:
            "scale-out at \(Self.seconds(sample.at)): \(sample.ecsService) +\(sample.newTasks.count) tasks",
          rows: [
            row(
              "first request at a new task",
              { run in
                guard let s = scale(run) else { return "not run" }
                return s.firstRequestAfterEvent.map { "+\(Self.seconds($0))" } ?? "never"
              }),
            row(
              "  of which after it was RUNNING",
              { run in
                guard let s = scale(run) else { return "not run" }
                return s.firstRequestAfterRunning.map { Self.seconds($0) } ?? "-"
              },
              tone: { run in
                guard let wait = scale(run)?.firstRequestAfterRunning else { return "bad" }
                return wait > .seconds(5) ? "bad" : "good"
              }),
            row(
              "new tasks never used",
              { run in scale(run).map { String($0.idleTasks) } ?? "not run" },
              tone: { run in (scale(run)?.idleTasks ?? 1) > 0 ? "bad" : "" }),
          ]))
    }
    let stopCount = runs.compactMap { $0.metrics?.stoppedTasks.count }.max() ?? 0
    for index in 0..<stopCount {
      guard let sample = runs.compactMap({ $0.metrics?.stoppedTasks[index] }).first else {
        continue
      }
      let stop = { (run: Comparison.Run) in run.metrics?.stoppedTasks[index] }
      sections.append(
        Section(
          title: "task \(sample.task) stops at \(Self.seconds(sample.at))",
          rows: [
            row(
              "last request it received",
              { run in
                guard let s = stop(run) else { return "not run" }
                return s.lastRequestAfterEvent.map { "+\(Self.seconds($0))" }
                  ?? "none after the stop"
              }),
            row(
              "requests failing after the stop",
              { run in stop(run).map { String($0.failuresAfter) } ?? "not run" },
              tone: { run in (stop(run)?.failuresAfter ?? 1) > 0 ? "bad" : "good" }),
            row(
              "failures continue until",
              { run in
                guard let s = stop(run) else { return "not run" }
                return s.lastFailureAfter.map { "+\(Self.seconds($0))" } ?? "-"
              }),
          ]))
    }

    // Version splits.
    let splitCount = runs.compactMap { $0.metrics?.versionSplits.count }.max() ?? 0
    for index in 0..<splitCount {
      guard let sample = runs.compactMap({ $0.metrics?.versionSplits[index] }).first else {
        continue
      }
      let period =
        sample.until.map { "\(Self.seconds(sample.from))–\(Self.seconds($0))" }
        ?? "from \(Self.seconds(sample.from))"
      let asked = sample.versions.map { "\($0.version) \(Self.perMille($0.asked))" }.joined(
        separator: " ")
      sections.append(
        Section(
          title: "\(sample.service) versions, \(period) (asked \(asked))",
          rows:
            sample.versions.indices.map { slot in
              row(
                "\(sample.versions[slot].version) share",
                { run in
                  guard let split = run.metrics?.versionSplits[index] else { return "not run" }
                  return split.versions[slot].observed.map(Self.perMille) ?? "-"
                },
                tone: { run in
                  guard let observed = run.metrics?.versionSplits[index].versions[slot].observed
                  else { return "" }
                  return abs(observed - sample.versions[slot].asked) <= 50 ? "good" : "bad"
                })
            }))
    }

    // Features.
    let needed = app.neededFeatures
    if !needed.isEmpty {
      sections.append(
        Section(
          title: "features the application needs",
          rows: needed.map { feature in
            row(
              feature.title,
              { run in
                let entry = FeatureSupport.entry(feature, run.wired.option)
                return entry.level.rawValue
              },
              tone: { run in
                switch FeatureSupport.entry(feature, run.wired.option).level {
                case .yes: "good"
                case .partly: ""
                case .no: "bad"
                }
              })
          }))
    }

    // Moving parts and cost.
    sections.append(
      Section(
        title: "moving parts",
        rows: [
          row("AWS resources", { String($0.movingParts.resourceCount) }),
          row(
            "proxies you run",
            { run in
              let parts = run.movingParts
              if parts.sidecars == 0 && parts.proxyTasks == 0 { return "none" }
              if parts.sidecarsManaged { return "none (\(parts.sidecars) managed by ECS)" }
              return "\(parts.sidecars) Envoy sidecars"
                + (parts.proxyTasks > 0 ? " + \(parts.proxyTasks) gateway tasks" : "")
            }),
        ]))
    let items = Set(runs.flatMap { $0.cost.lines.map(\.item) })
    var costRows: [Row] = []
    var order: [String] = []
    for run in runs {
      for line in run.cost.lines where !order.contains(line.item) { order.append(line.item) }
    }
    for item in order where items.contains(item) {
      costRows.append(
        row(
          item,
          { run in
            run.cost.lines.first { $0.item == item }.map { CostEstimate.dollars($0.monthly) } ?? "-"
          }))
    }
    let cheapest = runs.map(\.cost.total).min() ?? 0
    costRows.append(
      row(
        "total per month", { CostEstimate.dollars($0.cost.total) },
        tone: { $0.cost.total == cheapest ? "good" : "" }))
    sections.append(
      Section(title: "estimated monthly cost (USD, prices \(PriceTable.compiled))", rows: costRows))
  }

  static func percent(_ count: Int, _ total: Int) -> String {
    guard total > 0 else { return "-" }
    let tenths = (count * 1000 + total / 2) / total
    return "\(tenths / 10).\(tenths % 10)%"
  }

  static func perMille(_ value: Int) -> String { "\(value / 10).\(value % 10)%" }

  static func ms(_ duration: SimDuration) -> String {
    let hundredths = (duration.nanoseconds + 5_000) / 10_000
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }

  /// Seconds with one decimal (`60.2s`), whole seconds without (`30s`).
  static func seconds(_ duration: SimDuration) -> String {
    let tenths = (duration.nanoseconds + 50_000_000) / 100_000_000
    return tenths % 10 == 0 ? "\(tenths / 10)s" : "\(tenths / 10).\(tenths % 10)s"
  }
}
