import Compare
import Diagnostics
import Foundation
import Reports

/// `meshsim compare`: one application wired four ways, run under the same traffic, events and
/// seed, reported side by side.
enum CompareCommand: Subcommand {
  static let name = "compare"
  static let abstract =
    "wire an application four ways (Cloud Map, App Mesh, Service Connect, Lattice) and compare"
  static let usage =
    "usage: meshsim compare <app.json> [--seed N] [--format text|json|html] [--output PATH] [--emit DIR] [--trace N]"
  static var help: String {
    """
    \(abstract)

    \(usage)

    The application file describes services (port, tasks, behaviour, versions), who calls whom
    (behaviour calls name services as URL hosts: http://orders/list), the entry service, the
    outside traffic and timed events (scaleOut, stopTask, setWeight). MeshSim generates four
    scenarios — Cloud Map DNS with an ALB, App Mesh, Service Connect, VPC Lattice — runs them with
    the same traffic, events and seed, and reports outcomes, failures by disposition, latency,
    time to use a new task and to stop using a failed one, version splits, the features each
    option cannot express, moving parts and an estimated monthly cost.

    OPTIONS:
      --seed N          seed for every run (default: the application's "seed", else 1)
      --format F        text (default), json, or html (one self-contained page)
      --output PATH     write the report to PATH instead of stdout
      --emit DIR        also write the four generated scenarios to DIR (<app>-<option>.json)
      --trace N         sample requests kept per run for the HTML step-through (default 2)

    Exits 65 when the application file is invalid, 70 when a generated scenario is invalid.
    """
  }
  static let options: [ArgumentScanner.Option] = [
    .init(name: "seed", takesValue: true), .init(name: "format", takesValue: true),
    .init(name: "output", takesValue: true),
    .init(name: "emit", takesValue: true), .init(name: "trace", takesValue: true),
  ]

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.count == 1 else {
      throw UsageError("compare takes exactly one application file")
    }
    let format = try arguments.choice("format", among: ["text", "json", "html"]) ?? "text"
    let seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    let traces = try arguments.integer("trace", range: 0...1000) ?? 2
    let path = arguments.positionals[0]
    guard let data = FileManager.default.contents(atPath: path) else {
      console.err("error: cannot read '\(path)'\n")
      return .ioError
    }
    let diagnostics = DiagnosticEngine()
    let app = ApplicationDecoder.decode(bytes: [UInt8](data), file: path, diagnostics: diagnostics)
    if !diagnostics.diagnostics.isEmpty {
      let renderer = DiagnosticRenderer(sources: [path: String(decoding: data, as: UTF8.self)])
      console.err(renderer.render(diagnostics.diagnostics))
    }
    guard let app else { return .invalidScenario }
    let comparison = Comparison.run(app, seed: seed, traces: traces)
    if let directory = arguments.values["emit"] {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for run in comparison.runs {
        try writeFile(
          run.wired.text, to: (directory as NSString).appendingPathComponent(run.fileName))
      }
    }
    let report: String
    switch format {
    case "json": report = ComparisonJSONReport.render(comparison)
    case "html": report = ComparisonHTMLReport.render(comparison)
    default: report = ComparisonTextReport.render(comparison)
    }
    if let output = arguments.values["output"] {
      try writeFile(report, to: output)
    } else {
      console.out(report)
    }
    for run in comparison.runs where !run.problems.isEmpty {
      let renderer = DiagnosticRenderer(sources: [run.fileName: run.wired.text])
      console.err(
        "error: the generated \(run.wired.option.title) scenario is invalid (a MeshSim bug):\n")
      console.err(renderer.render(run.problems))
    }
    return comparison.runs.contains { !$0.problems.isEmpty } ? .internalError : .success
  }
}
