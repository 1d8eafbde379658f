import Diagnostics
import ScenarioFormat
import Testing

@testable import Compare
@testable import SimEngine

/// The comparison reports, over measured results made by hand (the same for every option, so
/// only the wiring-specific parts differ).
@Suite struct ComparisonReportTests {
  static func comparison(brokenLattice: Bool = false) throws -> Comparison {
    let (decoded, _) = CompareFixtures.decode(CompareFixtures.small)
    let app = try #require(decoded)
    let result = OptionMetricsTests.result()
    let runs = WiringOption.allCases.map { option -> Comparison.Run in
      let wired = ApplicationWiring.scenario(app, option)
      if brokenLattice && option == .lattice {
        let problem = Diagnostic(
          id: "model.unresolved-reference", message: "unknown target group 'x'", location: nil)
        return Comparison.Run(
          wired: wired, fileName: "tiny-lattice.json", problems: [problem], result: nil,
          metrics: nil,
          movingParts: MovingParts(wired, app: app),
          cost: CostEstimate(app: app, wired: wired, result: nil, prices: .standard))
      }
      return Comparison.Run(
        wired: wired, fileName: "tiny-\(option.fileSuffix).json", problems: [], result: result,
        metrics: OptionMetrics(app: app, result: result), movingParts: MovingParts(wired, app: app),
        cost: CostEstimate(app: app, wired: wired, result: result, prices: .standard))
    }
    return Comparison(app: app, seed: 1, prices: .standard, runs: runs)
  }

  @Test func textReportLinesUpTheOptions() throws {
    let text = ComparisonTextReport.render(try Self.comparison())
    let header = try #require(
      text.split(separator: "\n").first { $0.contains("Cloud Map DNS + ALB") })
    for option in WiringOption.allCases { #expect(header.contains(option.title)) }
    for section in [
      "where requests ended", "latency of outside requests (ms)",
      "scale-out at 20s: back-v1 +1 tasks",
      "task front/1 stops at 40s", "back versions, 0s–60s (asked v1 90.0% v2 10.0%)",
      "features the application needs", "moving parts", "estimated monthly cost", "\nwhy\n",
      "\nsources\n",
      "what the generated scenarios could not express", "cost assumptions",
    ] {
      #expect(text.contains(section), "\(section)")
    }
    #expect(text.contains("  first request at a new task"))
    #expect(text.contains("+25s"))
    #expect(text.contains("  routing by request header"))
  }

  @Test func textReportIsDeterministic() throws {
    #expect(
      ComparisonTextReport.render(try Self.comparison())
        == ComparisonTextReport.render(try Self.comparison()))
  }

  @Test func jsonReportIsValidJSONWithEveryOption() throws {
    let text = ComparisonJSONReport.render(try Self.comparison())
    let diagnostics = DiagnosticEngine()
    let root = try #require(
      JSONReader.parse(Array(text.utf8), file: "report.json", diagnostics: diagnostics))
    #expect(diagnostics.diagnostics.isEmpty)
    guard case .object(let object) = root.value,
      case .array(let options)? = object["options"]?.value
    else {
      Issue.record("no options array")
      return
    }
    #expect(options.count == 4)
    #expect(text.contains("\"firstRequestAfterEventMs\": 25000"))
    #expect(
      text.contains(
        "\"neededFeatures\": [\n    \"weightedRouting\",\n    \"headerRouting\",\n    \"retries\""))
  }

  @Test func htmlReportHasATableAndADiagramPerOption() throws {
    let html = ComparisonHTMLReport.render(try Self.comparison())
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<table class=\"compare\">"))
    for index in 0..<4 { #expect(html.contains("id=\"o\(index)-topology\"")) }
    #expect(html.components(separatedBy: "<div class=\"stepper\"").count - 1 == 0)  // no traces were kept
    #expect(html.contains("<td class=\"bad\">"))
    #expect(html.contains("<td class=\"good\">"))
  }

  @Test func anInvalidGeneratedScenarioIsShownNotHidden() throws {
    let comparison = try Self.comparison(brokenLattice: true)
    let text = ComparisonTextReport.render(comparison)
    #expect(text.contains("error: the generated VPC Lattice scenario is invalid (a MeshSim bug):"))
    #expect(text.contains("model.unresolved-reference: unknown target group 'x'"))
    #expect(text.contains("not run"))
    let html = ComparisonHTMLReport.render(comparison)
    #expect(html.contains("unknown target group &#39;x&#39;"))
  }
}
