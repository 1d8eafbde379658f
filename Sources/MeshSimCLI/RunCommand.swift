import Diagnostics
import NetworkModel
import Reports
import SimEngine

/// `meshsim run`: simulate one scenario and report where every request ended.
enum RunCommand: Subcommand {
  static let name = "run"
  static let abstract = "simulate a scenario and report where every request ended"
  static let usage = "usage: meshsim run <scenario.json> [--seed N] [--format text|json|html|mermaid] [--output PATH] [--trace N] [--requests N] [--replications K]"
  static var help: String {
    """
    \(abstract)

    \(usage)

    OPTIONS:
      --seed N          seed for every random choice (default: the scenario's "seed", else 1)
      --format F        text (default); json (the contract's report, keys sorted); html (one
                        self-contained page: topology diagram with request counts, step-through
                        of the traced requests, outcome charts, timeline); mermaid (Markdown
                        with a topology flowchart and the first traced request as a sequence
                        diagram)
      --output PATH     write the report to PATH instead of stdout
      --trace N         keep hop-by-hop traces of the first N requests (default 3)
      --requests N      override the request count of every traffic stream
      --replications K  run K seeds (the seed, seed+1, …) in parallel and report each outcome's
                        share and each latency statistic as a mean with a 95% confidence
                        interval; expectations must hold in every replication (no traces)

    Exits 1 when the scenario's own expectations fail, 65 when the scenario is invalid.
    """
  }
  static let options: [ArgumentScanner.Option] = [
    .init(name: "seed", takesValue: true), .init(name: "format", takesValue: true), .init(name: "output", takesValue: true),
    .init(name: "trace", takesValue: true), .init(name: "requests", takesValue: true),
    .init(name: "replications", takesValue: true),
  ]

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.count == 1 else { throw UsageError("run takes exactly one scenario file") }
    let format = try arguments.choice("format", among: ["text", "json", "html", "mermaid"]) ?? "text"
    let seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    let traces = try arguments.integer("trace", range: 0...100_000) ?? 3
    let requests = try arguments.integer("requests", range: 0...100_000_000)
    let loaded = ScenarioLoader.load(arguments.positionals[0])
    if !loaded.diagnostics.diagnostics.isEmpty { console.err(ScenarioLoader.render(loaded)) }
    guard let model = loaded.model else { return .invalidScenario }
    if let replications = try arguments.integer("replications", range: 1...10_000) {
      guard format == "text" || format == "json" else {
        throw UsageError("--replications reports as text or json, not \(format)")
      }
      let seeds = ReplicationRunner.seeds(from: seed ?? model.seed, count: replications)
      let results = ReplicationRunner.run(model, seeds: seeds, options: .init(traces: .none, requestCount: requests))
      let summary = ReplicationSummary(results)
      let report = format == "json" ? ReplicationReport.json(summary) : ReplicationReport.text(summary)
      if let path = arguments.values["output"] { try writeFile(report, to: path) } else { console.out(report) }
      return summary.passed ? .success : .expectationFailed
    }
    let result = SimulationRun.run(model, options: .init(seed: seed, traces: traces == 0 ? .none : .first(traces), requestCount: requests))
    let report: String
    switch format {
    case "json": report = JSONReport.render(result)
    case "html": report = HTMLReport.render(result)
    case "mermaid": report = MermaidReport.render(result)
    default: report = TextReport.render(result, colored: console.isTerminal && arguments.values["output"] == nil)
    }
    if let path = arguments.values["output"] { try writeFile(report, to: path) } else { console.out(report) }
    return result.passed ? .success : .expectationFailed
  }
}
