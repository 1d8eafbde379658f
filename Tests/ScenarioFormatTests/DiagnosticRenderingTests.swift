import Diagnostics
import ScenarioFormat
import Testing

/// Reader and decoder diagnostics as the user sees them.
@Suite struct DiagnosticRenderingTests {
  @Test func unknownKeyRendersWithExcerptPathAndSuggestion() throws {
    let file = "Scenarios/mesh/canary.json"
    let source = """
      {
        "appMesh": {
          "virtualNodes": [
            { "meshName": "shop", "virtualNodeNmae": "orders-v1", "spec": {} }
          ]
        }
      }
      """
    let engine = DiagnosticEngine()
    let root = try #require(JSONReader.parse(source, file: file, diagnostics: engine))
    let context = DecodingContext(file: file, diagnostics: engine)
    let scenario = try #require(ObjectReader(root, context: context, what: "scenario"))
    let mesh = try #require(scenario.object("appMesh", what: "'appMesh'"))
    for node in mesh.array("virtualNodes") ?? [] {
      let virtualNode = try #require(mesh.object(node, what: "virtual node"))
      _ = virtualNode.string("meshName", required: true)
      _ = virtualNode.string("virtualNodeName", required: true)
      _ = virtualNode.object("spec", required: true)
      virtualNode.finish()
    }
    mesh.finish()
    scenario.finish()
    let renderer = DiagnosticRenderer(sources: [file: source])
    #expect(
      renderer.render(engine.diagnostics) == """
        Scenarios/mesh/canary.json:4:7: error: missing required key 'virtualNodeName' in virtual node [schema.missing-key]
            3 │     "virtualNodes": [
            4 │       { "meshName": "shop", "virtualNodeNmae": "orders-v1", "spec": {} }
              │       ╰─ here
          at /appMesh/virtualNodes/0

        Scenarios/mesh/canary.json:4:29: error: unknown key 'virtualNodeNmae' in virtual node [schema.unknown-key]
            3 │     "virtualNodes": [
            4 │       { "meshName": "shop", "virtualNodeNmae": "orders-v1", "spec": {} }
              │                             ╰─ here
          at /appMesh/virtualNodes/0/virtualNodeNmae
        note: did you mean 'virtualNodeName'?

        2 errors, 0 warnings
        """)
  }

  @Test func syntaxErrorRendersWithOpeningBracketNote() {
    let source = "{\n  \"routes\": [\n    { \"weight\": 90 }\n"
    let engine = DiagnosticEngine()
    #expect(JSONReader.parse(source, file: "x.json", diagnostics: engine) == nil)
    let renderer = DiagnosticRenderer(sources: ["x.json": source])
    #expect(
      renderer.render(engine.diagnostics) == """
        x.json:4:1: error: expected ',' or ']' after array element, found end of input [syntax.unexpected-end]
            3 │     { "weight": 90 }
            4 │
              │ ╰─ here
          at /routes
        note: to match this '[' (declared at x.json:2:13)

        1 error, 0 warnings
        """)
  }
}
