import NetworkModel
import Reports
import SimEngine

/// `meshsim explain`: one request, hop by hop, with every decision made on the way.
enum ExplainCommand: Subcommand {
  static let name = "explain"
  static let abstract = "follow one request hop by hop with every decision"
  static let usage = "usage: meshsim explain <scenario.json> --traffic NAME [--index K] [--seed N] [--format text|json]"
  static var help: String {
    """
    \(abstract): the DNS answer and its TTL, the security-group rule that allowed or
    denied it, the listener and rule that matched, the target picked, the task that answered.

    \(usage)

    OPTIONS:
      --traffic NAME    the traffic stream
      --index K         which request of the stream, counting from 0 (default 0)
      --seed N          seed (default: the scenario's)
      --format F        text (default) or json
    """
  }
  static let options: [ArgumentScanner.Option] = [
    .init(name: "traffic", takesValue: true), .init(name: "index", takesValue: true), .init(name: "seed", takesValue: true),
    .init(name: "format", takesValue: true),
  ]

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.count == 1 else { throw UsageError("explain takes exactly one scenario file") }
    guard let trafficName = arguments.values["traffic"] else { throw UsageError("explain needs --traffic NAME") }
    let index = try arguments.integer("index", range: 0...100_000_000) ?? 0
    let seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    let format = try arguments.choice("format", among: ["text", "json"]) ?? "text"
    let loaded = ScenarioLoader.load(arguments.positionals[0])
    if !loaded.diagnostics.diagnostics.isEmpty { console.err(ScenarioLoader.render(loaded)) }
    guard let model = loaded.model else { return .invalidScenario }
    guard let stream = model.traffic.firstIndex(where: { $0.name == trafficName }) else {
      let names = model.traffic.map(\.name)
      let suggestion = closest(trafficName, names).map { " (did you mean '\($0)'?)" } ?? ""
      throw UsageError("no traffic stream '\(trafficName)'\(suggestion); streams: \(names.joined(separator: ", "))")
    }
    guard index < model.traffic[stream].count else {
      throw UsageError("traffic '\(trafficName)' sends \(model.traffic[stream].count) requests; --index must be below that")
    }
    let result = SimulationRun.run(model, options: .init(seed: seed, traces: .request(stream: stream, index: index)))
    guard let trace = result.traces.first else {
      console.err("error: request \(index) of '\(trafficName)' was never sent (the run ended first)\n")
      return .expectationFailed
    }
    if format == "json" {
      console.out(JSONReport.trace(trace).rendered(pretty: true) + "\n")
    } else {
      console.out(TraceReport.render(trace))
    }
    return .success
  }
}
