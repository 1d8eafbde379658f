import Foundation
import MeshSimCLI
import Testing

/// Golden reports: every scenario under `Scenarios/` (except `invalid/` and `bench/`) is run
/// with its own seed, and `meshsim run` output — text and `--format json` — must equal the
/// `<name>.expected.txt` / `<name>.expected.json` files next to it.
///
/// `MESHSIM_RECORD=1 swift test` rewrites the golden files; a recorded file fails the test once,
/// so the new output is reviewed before it is committed. Scenarios without golden files are
/// skipped (their names are printed).
@Suite struct ScenarioGoldenTests {
  static let isRecording = ProcessInfo.processInfo.environment["MESHSIM_RECORD"] == "1"

  @Test(arguments: GoldenScenario.all)
  func reportsMatchTheGoldenFiles(_ scenario: GoldenScenario) throws {
    let hasGoldens = FileManager.default.fileExists(atPath: scenario.goldenPath("txt"))
      || FileManager.default.fileExists(atPath: scenario.goldenPath("json"))
    guard hasGoldens || Self.isRecording else {
      print("ScenarioGoldenTests: skipping \(scenario.relativePath) (no \(scenario.name).expected.txt / .expected.json)")
      return
    }
    for format in ["txt", "json"] {
      let console = Console(capturing: true)
      let status = MeshSimCommand.main(
        ["run", scenario.absolutePath] + (format == "json" ? ["--format", "json"] : []), console: console)
      #expect(status == 0 || status == 1, "\(console.standardError)")
      let actual = console.standardOutput
      let path = scenario.goldenPath(format)
      if Self.isRecording {
        let previous = try? String(contentsOfFile: path, encoding: .utf8)
        if previous != actual {
          try actual.write(toFile: path, atomically: true, encoding: .utf8)
          Issue.record("recorded \(scenario.relativePath) → \(scenario.name).expected.\(format); review it, then run without MESHSIM_RECORD")
        }
        continue
      }
      guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("\(scenario.name).expected.\(format) is missing next to \(scenario.relativePath); record it with MESHSIM_RECORD=1")
        continue
      }
      if actual != expected {
        Issue.record("\(scenario.relativePath): output differs from \(scenario.name).expected.\(format)\n\(GoldenScenario.firstDifference(expected, actual))")
      }
    }
  }
}

/// One scenario file with its golden files' locations.
struct GoldenScenario: CustomTestStringConvertible, Sendable {
  /// Path from the repository root, e.g. `Scenarios/cloudmap/backend-scaling.json`.
  let relativePath: String
  var testDescription: String { relativePath }
  var absolutePath: String { GoldenScenario.root + "/" + relativePath }
  var name: String { String(relativePath.split(separator: "/").last!.dropLast(".json".count)) }

  func goldenPath(_ format: String) -> String {
    String(absolutePath.dropLast(".json".count)) + ".expected.\(format)"
  }

  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// Every runnable scenario, sorted by path.
  static let all: [GoldenScenario] = {
    let folder = root + "/Scenarios"
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [GoldenScenario] = []
    while let entry = enumerator.nextObject() as? String {
      guard entry.hasSuffix(".json"), !entry.hasSuffix(".expected.json"),
        !entry.hasPrefix("invalid/"), !entry.hasPrefix("bench/")
      else { continue }
      found.append(GoldenScenario(relativePath: "Scenarios/" + entry))
    }
    return found.sorted { $0.relativePath < $1.relativePath }
  }()

  /// The first differing line of two texts, for a readable failure.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
      let left = index < a.count ? String(a[index]) : "<end>"
      let right = index < b.count ? String(b[index]) : "<end>"
      return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)"
    }
    return "(same lines)"
  }
}
