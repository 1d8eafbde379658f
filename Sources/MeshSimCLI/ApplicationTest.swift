import Compare
import Diagnostics
import Foundation
import ScenarioFormat

/// `meshsim test` on an application file (top-level `services` and `entry`, the input of
/// `compare`): it passes when all four generated scenarios are valid, run, and meet the
/// expectations the application copies into them.
enum ApplicationTest {
  /// Whether the file is an application description rather than a scenario.
  static func isApplication(_ bytes: [UInt8], path: String) -> Bool {
    guard let root = JSONReader.parse(bytes, file: path, diagnostics: DiagnosticEngine()),
      case .object(let object) = root.value
    else { return false }
    return object["services"] != nil && object["entry"] != nil
  }

  /// The outcome for an application file, or nil when the file is a scenario.
  static func run(_ path: String, seed: UInt64?) -> TestCommand.Outcome? {
    guard let data = FileManager.default.contents(atPath: path),
      isApplication([UInt8](data), path: path)
    else { return nil }
    let diagnostics = DiagnosticEngine()
    guard
      let app = ApplicationDecoder.decode(
        bytes: [UInt8](data), file: path, diagnostics: diagnostics)
    else {
      let renderer = DiagnosticRenderer(sources: [path: String(decoding: data, as: UTF8.self)])
      return TestCommand.Outcome(
        path: path, passed: false,
        summary: "invalid application (\(diagnostics.errorCount) errors)",
        details: renderer.render(diagnostics.diagnostics).split(separator: "\n").map(String.init))
    }
    let comparison = Comparison.run(app, seed: seed, traces: 0)
    var details: [String] = []
    var expectations = 0
    var failed = 0
    var invalid = 0
    for run in comparison.runs {
      let option = run.wired.option.title
      if !run.problems.isEmpty {
        details += run.problems.map {
          "\(option): generated scenario invalid: \($0.id): \($0.message)"
        }
        invalid += 1
        continue
      }
      for expectation in run.result?.expectations ?? [] {
        expectations += 1
        if !expectation.passed {
          failed += 1
          details.append("\(option): \(expectation.name): \(expectation.detail)")
        }
      }
    }
    let wirings = "\(comparison.runs.count) wirings" + (invalid > 0 ? " (\(invalid) invalid)" : "")
    return TestCommand.Outcome(
      path: path, passed: failed == 0 && invalid == 0,
      summary: "application, \(wirings), \(expectations - failed)/\(expectations) expectations",
      details: details)
  }
}
