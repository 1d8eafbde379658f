import Foundation
import MeshSimCLI
import Testing

/// Negative goldens: every `Scenarios/invalid/x.json` has `x.expected-diagnostics.txt` holding
/// exactly what `meshsim check Scenarios/invalid/x.json` prints on stderr (run from the
/// repository root), and exits 65.
@Suite struct InvalidScenarioTests {
  static let folder = "Scenarios/invalid"

  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path(folder))) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }()

  @Test func theFolderCoversEveryKindOfMistake() {
    for name in ["bad-json.json", "truncated.json", "unknown-key.json", "dangling-reference.json", "wrong-type.json",
                 "invalid-enum.json", "port-out-of-range.json", "duplicate-name.json"] {
      #expect(Self.files.contains(name), "missing \(name)")
    }
  }

  @Test(arguments: files)
  func diagnosticsMatchTheExpectedFile(_ name: String) throws {
    let relative = "\(Self.folder)/\(name)"
    let expectedPath = Repository.path(String(relative.dropLast(".json".count)) + ".expected-diagnostics.txt")
    let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
    let bytes = try #require(FileManager.default.contents(atPath: Repository.path(relative)))
    let loaded = ScenarioLoader.load(bytes: [UInt8](bytes), path: relative)
    #expect(loaded.model == nil)
    #expect(ScenarioLoader.render(loaded) == expected)
    // The command itself: exit 65, the same text (naming the file as it was given).
    let run = CLIRun(["check", Repository.path(relative)])
    #expect(run.status == 65)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == expected.replacingOccurrences(of: relative, with: Repository.path(relative)))
  }

  @Test func testCommandPassesTheNegativeTests() {
    let run = CLIRun(["test", Repository.path(Self.folder)])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.hasSuffix("\n\(Self.files.count) passed, 0 failed\n"))
  }
}
