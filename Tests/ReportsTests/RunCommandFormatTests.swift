import Foundation
import MeshSimCLI
import Testing

/// `meshsim run --format html|mermaid` through the command line.
@Suite struct RunCommandFormatTests {
  static let scenario = ReportFixtures.root.appendingPathComponent(
    "Scenarios/cloudmap/backend-scaling.json"
  ).path

  @Test(arguments: [
    ("html", "<!DOCTYPE html>"), ("mermaid", "## Topology of cloudmap-backend-scaling"),
    ("json", "{\n"), ("text", "scenario cloudmap-backend-scaling"),
  ])
  func formatsGoToStandardOutput(format: String, prefix: String) {
    let console = Console(capturing: true)
    let status = MeshSimCommand.main(
      ["run", Self.scenario, "--format", format, "--requests", "50"], console: console)
    #expect(status == 1 || status == 0)
    #expect(console.standardOutput.hasPrefix(prefix))
  }

  @Test func outputWritesTheFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "meshsim-report-\(UUID().uuidString).html"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let console = Console(capturing: true)
    _ = MeshSimCommand.main(
      ["run", Self.scenario, "--format", "html", "--output", path], console: console)
    #expect(console.standardOutput.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("<!DOCTYPE html>"))
    #expect(written.hasSuffix("</html>\n"))
  }

  @Test func unknownFormatIsAUsageErrorWithSuggestion() {
    let console = Console(capturing: true)
    let status = MeshSimCommand.main(
      ["run", Self.scenario, "--format", "mermiad"], console: console)
    #expect(status == 64)
    #expect(console.standardError.contains("did you mean 'mermaid'?"))
  }
}
