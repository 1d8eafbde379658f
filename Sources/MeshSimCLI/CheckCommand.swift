import Diagnostics
import NetworkModel

/// `meshsim check`: validate scenarios and run the static analyses, without simulating.
enum CheckCommand: Subcommand {
  static let name = "check"
  static let abstract = "validate scenarios and warn about likely mistakes (no simulation)"
  static let usage = "usage: meshsim check <scenario.json>... [--format text|json]"
  static var help: String {
    """
    \(abstract): every error in every file, compiler style (file:line:col), plus warnings such
    as rules that can never match or security groups that block a path.

    \(usage)

    Exits 65 when any file has an error, 0 otherwise (warnings do not fail).
    """
  }
  static let options: [ArgumentScanner.Option] = [.init(name: "format", takesValue: true)]

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard !arguments.positionals.isEmpty else { throw UsageError("check needs at least one scenario file") }
    let format = try arguments.choice("format", among: ["text", "json"]) ?? "text"
    var anyError = false
    var all: [Diagnostic] = []
    for path in arguments.positionals {
      let loaded = ScenarioLoader.load(path)
      if let model = loaded.model {
        for diagnostic in ScenarioAnalysis.run(model) { loaded.diagnostics.emit(diagnostic) }
      }
      anyError = anyError || loaded.diagnostics.hasErrors
      all += loaded.diagnostics.diagnostics
      if format == "text" {
        if loaded.diagnostics.diagnostics.isEmpty {
          console.out("\(path): ok\n")
        } else {
          console.err(ScenarioLoader.render(loaded))
          if !loaded.diagnostics.hasErrors { console.out("\(path): ok (\(loaded.diagnostics.warningCount) warning\(loaded.diagnostics.warningCount == 1 ? "" : "s"))\n") }
        }
      }
    }
    if format == "json" { console.out(DiagnosticRenderer.json(all) + "\n") }
    return anyError ? .invalidScenario : .success
  }
}
