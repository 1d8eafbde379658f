import Diagnostics
import Foundation
import NetworkModel
import ScenarioFormat
import SimEngine
import SimKernel
import Testing

/// Scenarios and hand-made results for the report tests.
enum ReportFixtures {
  /// The package root (tests run from anywhere).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Decodes and builds a scenario, failing the test on any diagnostic.
  static func model(_ text: String, file: String = "test.json") throws -> NetworkModel {
    let diagnostics = DiagnosticEngine()
    let document = ScenarioDecoder.decode(
      bytes: Array(text.utf8), file: file, diagnostics: diagnostics)
    let model = document.flatMap { ModelBuilder.build($0, diagnostics: diagnostics) }
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics.map(\.message))")
    return try #require(model)
  }

  /// Runs a scenario text with the first `traces` requests traced.
  static func run(_ text: String, seed: UInt64? = nil, traces: Int = 3) throws -> RunResult {
    SimulationRun.run(try model(text), options: .init(seed: seed, traces: .first(traces)))
  }

  /// Runs a bundled scenario (`Scenarios/<path>`).
  static func bundled(_ path: String, traces: Int = 3) throws -> RunResult {
    let text = try String(
      contentsOf: root.appendingPathComponent("Scenarios").appendingPathComponent(path),
      encoding: .utf8)
    return try run(text, traces: traces)
  }

  /// Names that break careless HTML and Mermaid writers.
  static let hostileClient = "<script>alert(\"x\")</script>"
  static let hostileEndpoint = "api \"v2\" <beta> & co;#1 'q'"
  static let hostileStream = "a\"b<c>;#`d`"

  /// An internet client calling a public external endpoint, every name hostile.
  static let hostileScenario = """
    {
      "name": "weird <names> & \\"quotes\\"",
      "seed": 3,
      "clients": [{ "name": "<script>alert(\\"x\\")</script>", "location": "internet" }],
      "external": [{ "name": "api \\"v2\\" <beta> & co;#1 'q'", "ipAddress": "203.0.113.10", "ports": [80],
                     "behavior": { "status": 200, "body": "<b>hi</b>" } }],
      "traffic": [{ "name": "a\\"b<c>;#`d`", "from": "<script>alert(\\"x\\")</script>",
                    "request": { "method": "GET", "url": "http://203.0.113.10/x?<y>" }, "count": 20, "rate": "10/s" }]
    }
    """
}

extension ReportFixtures {
  /// internet → front; front calls middle (which proxies to back) and then back itself.
  static let chainScenario = """
    {
      "name": "chain",
      "clients": [{ "name": "internet", "location": "internet" }],
      "external": [
        { "name": "front", "ipAddress": "203.0.113.10", "ports": [80],
          "behavior": { "calls": [{ "url": "http://203.0.113.11/" }, { "url": "http://203.0.113.12/" }] } },
        { "name": "middle", "ipAddress": "203.0.113.11", "ports": [80], "behavior": { "proxyPass": "http://203.0.113.12/" } },
        { "name": "back", "ipAddress": "203.0.113.12", "ports": [80], "behavior": { "status": 200, "body": "back" } }
      ],
      "traffic": [{ "name": "in", "from": "internet", "request": { "method": "GET", "url": "http://203.0.113.10/" },
                    "count": 10, "rate": "10/s" }]
    }
    """
}
