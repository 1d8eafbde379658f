import Compare
import Diagnostics
import Foundation
import ScenarioFormat
import Testing

/// Application files for the comparison tests.
enum CompareFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Decodes an application text; returns it with the diagnostics.
  static func decode(_ text: String, file: String = "app.json") -> (ApplicationSpec?, [Diagnostic])
  {
    let diagnostics = DiagnosticEngine()
    let app = ApplicationDecoder.decode(
      bytes: Array(text.utf8), file: file, diagnostics: diagnostics)
    return (app, diagnostics.diagnostics)
  }

  /// The bundled shop application.
  static func shop() throws -> ApplicationSpec {
    let text = try String(
      contentsOf: root.appendingPathComponent("Scenarios/compare/shop.json"), encoding: .utf8)
    let (app, diagnostics) = decode(text, file: "Scenarios/compare/shop.json")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return try #require(app)
  }

  /// A small valid application; `patch` edits its text before decoding.
  static let small = """
    {
      "name": "tiny",
      "entry": "front",
      "services": [
        { "name": "front", "port": 8080, "tasks": 2, "behavior": { "calls": [{ "url": "http://back/data" }] } },
        { "name": "back", "port": 9090, "behavior": { "status": 200, "body": "data" },
          "versions": [{ "name": "v1", "tasks": 2, "weight": 90 }, { "name": "v2", "tasks": 1, "weight": 10 }],
          "headerRoutes": [{ "header": "X-Canary", "value": "yes", "version": "v2" }] }
      ],
      "traffic": [{ "name": "users", "path": "/", "count": 100, "rate": "10/s" }],
      "events": [
        { "at": "20s", "scaleOut": { "service": "back", "version": "v1", "tasks": 3 } },
        { "at": "40s", "stopTask": { "service": "front", "task": 1 } },
        { "at": "60s", "setWeights": { "service": "back", "weights": { "v1": 50, "v2": 50 } } }
      ],
      "requires": ["retries"]
    }
    """
}

extension JSONOutput {
  /// The member at a path of keys and array indices (`"ecs", "services", 0, "serviceName"`).
  subscript(path: Any...) -> JSONOutput? {
    var current: JSONOutput? = self
    for step in path {
      switch (current, step) {
      case (.object(let members)?, let key as String): current = members[key]
      case (.array(let items)?, let index as Int):
        current = index < items.count ? items[index] : nil
      default: return nil
      }
    }
    return current
  }

  var items: [JSONOutput] {
    if case .array(let items) = self { return items }
    return []
  }

  var text: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// Every element of an array whose `key` is `value`.
  func elements(where key: String, is value: String) -> [JSONOutput] {
    items.filter { $0[key]?.text == value }
  }
}
