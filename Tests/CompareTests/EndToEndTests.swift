import Compare
import Foundation
import MeshSimCLI
import ScenarioFormat
import Testing

/// `meshsim compare` and `meshsim migrate` on the bundled files, through the command line.
@Suite struct EndToEndTests {
  static func path(_ relative: String) -> String {
    CompareFixtures.root.appendingPathComponent(relative).path
  }

  static func run(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
    let console = Console(capturing: true)
    let status = MeshSimCommand.main(arguments, console: console)
    return (status, console.standardOutput, console.standardError)
  }

  @Test func shopWiresFourValidScenariosThatMeetTheirExpectations() throws {
    let comparison = Comparison.run(try CompareFixtures.shop(), traces: 0)
    #expect(comparison.runs.map(\.wired.option) == WiringOption.allCases)
    for run in comparison.runs {
      #expect(run.problems.isEmpty, "\(run.wired.option): \(run.problems.map(\.message))")
      let result = try #require(run.result)
      #expect(!result.expectations.isEmpty)
      let failed = result.expectations.filter { !$0.passed }.map(\.name)
      #expect(failed.isEmpty, "\(run.wired.option): \(failed)")
    }
    // What the comparison is for: Cloud Map clients keep the stopped task until their cache expires.
    let cloudMap = try #require(comparison.runs[0].metrics)
    let serviceConnect = try #require(comparison.runs[2].metrics)
    #expect(cloudMap.stoppedTasks.first?.failuresAfter ?? 0 > 0)
    #expect(serviceConnect.stoppedTasks.first?.failuresAfter == 0)
    #expect((cloudMap.scaleOuts.first?.firstRequestAfterRunning ?? .zero) > .seconds(5))
  }

  @Test func compareEmitsTheScenariosItRan() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "meshsim-emit-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = Self.run([
      "compare", Self.path("Scenarios/compare/shop.json"), "--emit", folder, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    for option in WiringOption.allCases {
      let file = folder + "/shop-\(option.fileSuffix).json"
      #expect(FileManager.default.fileExists(atPath: file))
      // Each emitted scenario is a test of its own.
      let test = Self.run(["test", file])
      #expect(test.status == 0, "\(test.stdout)")
    }
    #expect(result.stdout.contains("\"option\": \"lattice\""))
  }

  @Test func theComparisonPageIsTheSameEveryTime() throws {
    let first = ComparisonHTMLReport.render(Comparison.run(try CompareFixtures.shop(), traces: 1))
    let second = ComparisonHTMLReport.render(Comparison.run(try CompareFixtures.shop(), traces: 1))
    #expect(first == second)
    #expect(first.components(separatedBy: "<svg class=\"topology\"").count - 1 == 4)
  }

  @Test func compareReportsAnInvalidApplication() {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "meshsim-bad-\(UUID().uuidString).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: file) }
    try? Data(
      CompareFixtures.small.replacingOccurrences(
        of: "http://back/data", with: "http://nowhere/data"
      ).utf8
    )
    .write(to: URL(fileURLWithPath: file))
    let result = Self.run(["compare", file])
    #expect(result.status == 65)
    #expect(result.stderr.contains("no service 'nowhere'"))
  }

  @Test(arguments: MigrationTarget.allCases)
  func colortellerMigratesBothWays(target: MigrationTarget) {
    let result = Self.run([
      "migrate", Self.path("Scenarios/appmesh/colorteller-ingress.json"), "--to", target.rawValue,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("what cannot be carried over"))
    #expect(result.stdout.contains("expectations on App Mesh: 10/10 passed"))
    switch target {
    case .serviceConnect:
      // Service Connect cannot split a name between versions: /color1 all goes to white.
      #expect(
        result.stdout.contains(
          "weighted routing · virtual service colorteller-1.default.svc.cluster.local"))
      #expect(result.stdout.contains("traffic color1: DIFFERS"))
    case .lattice:
      // Lattice keeps the weights: white and blue still share /color1.
      #expect(result.stdout.contains("traffic color1: same outcomes"))
      #expect(!result.stdout.contains("weighted routing ·"))
    }
  }

  @Test func migrateNeedsATarget() {
    let result = Self.run([
      "migrate", Self.path("Scenarios/appmesh/colorteller-ingress.json"), "--to", "latice",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("did you mean 'lattice'?"))
    let noMesh = Self.run([
      "migrate", Self.path("Scenarios/cloudmap/backend-scaling.json"), "--to", "lattice",
    ])
    #expect(noMesh.status == 64)
    #expect(noMesh.stderr.contains("has no appMesh section"))
  }
}
