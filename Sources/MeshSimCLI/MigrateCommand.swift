import Compare
import Diagnostics
import Foundation
import ScenarioFormat

/// `meshsim migrate`: an App Mesh scenario translated to Service Connect or VPC Lattice, what
/// cannot be carried over, and both replayed under the same traffic.
enum MigrateCommand: Subcommand {
  static let name = "migrate"
  static let abstract =
    "translate an App Mesh scenario to Service Connect or VPC Lattice and replay both"
  static let usage =
    "usage: meshsim migrate <appmesh-scenario.json> --to service-connect|lattice [--seed N] [--emit PATH] [--format text|json] [--output PATH]"
  static var help: String {
    """
    \(abstract)

    \(usage)

    App Mesh reaches end of support on 30 September 2026; AWS recommends Service Connect for
    ECS and VPC Lattice for EKS and cross-VPC workloads. The translation keeps everything that
    is not App Mesh, lists what cannot be carried over (weighted and header routing, mTLS, retry
    and outlier tuning, egress filtering, gateway rewrites, …), then runs both scenarios with
    the same traffic, events and seed and shows where outcomes differ, stream by stream.

    OPTIONS:
      --to T            service-connect or lattice
      --seed N          seed for both runs (default: the scenario's)
      --emit PATH       write the migrated scenario to PATH
      --format F        text (default) or json
      --output PATH     write the report to PATH instead of stdout

    Exits 65 when the scenario is invalid, 70 when the migrated scenario is invalid.
    """
  }
  static let options: [ArgumentScanner.Option] = [
    .init(name: "to", takesValue: true), .init(name: "seed", takesValue: true),
    .init(name: "emit", takesValue: true),
    .init(name: "format", takesValue: true), .init(name: "output", takesValue: true),
  ]

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.count == 1 else {
      throw UsageError("migrate takes exactly one App Mesh scenario file")
    }
    guard
      let targetName = try arguments.choice("to", among: MigrationTarget.allCases.map(\.rawValue)),
      let target = MigrationTarget(rawValue: targetName)
    else { throw UsageError("migrate needs --to service-connect or --to lattice") }
    let format = try arguments.choice("format", among: ["text", "json"]) ?? "text"
    let seed = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    let path = arguments.positionals[0]
    let loaded = ScenarioLoader.load(path)
    if !loaded.diagnostics.diagnostics.isEmpty { console.err(ScenarioLoader.render(loaded)) }
    guard let model = loaded.model,
      let root = JSONReader.parse(
        Array(loaded.text.utf8), file: path, diagnostics: DiagnosticEngine())
    else { return .invalidScenario }
    guard case .object(let object) = root.value, object["appMesh"] != nil else {
      throw UsageError("'\(path)' has no appMesh section to migrate")
    }
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let fileName =
      arguments.values["emit"].map { ($0 as NSString).lastPathComponent }
      ?? "\(stem)-\(target.rawValue).json"
    let replay = MigrationReplay.run(
      original: model, root: root, to: target, fileName: fileName, seed: seed)
    if let emit = arguments.values["emit"] { try writeFile(replay.plan.text, to: emit) }
    let report = format == "json" ? MigrationReport.json(replay) : MigrationReport.text(replay)
    if let output = arguments.values["output"] {
      try writeFile(report, to: output)
    } else {
      console.out(report)
    }
    if !replay.problems.isEmpty {
      let renderer = DiagnosticRenderer(sources: [fileName: replay.plan.text])
      console.err(
        "error: the migrated scenario is invalid (a MeshSim bug):\n"
          + renderer.render(replay.problems))
      return .internalError
    }
    return .success
  }
}
