import Diagnostics
import Testing

@Suite struct SourceLocationTests {
  @Test func descriptionIsCompilerStyle() {
    #expect(
      SourceLocation(file: "Scenarios/x.json", line: 42, column: 9).description
        == "Scenarios/x.json:42:9")
  }

  @Test(arguments: [
    (("a.json", 1, 1), ("a.json", 1, 2)),
    (("a.json", 1, 9), ("a.json", 2, 1)),
    (("a.json", 9, 9), ("b.json", 1, 1)),
    (("a.json", 10, 1), ("a.json", 11, 1)),
  ])
  func ordersByFileThenLineThenColumn(
    earlier: (String, Int, Int), later: (String, Int, Int)
  ) {
    let first = SourceLocation(file: earlier.0, line: earlier.1, column: earlier.2)
    let second = SourceLocation(file: later.0, line: later.1, column: later.2)
    #expect(first < second)
    #expect(!(second < first))
  }

  @Test func diagnosticIDIsStringLiteralWithStage() {
    let id: DiagnosticID = "schema.unknown-key"
    #expect(id.rawValue == "schema.unknown-key")
    #expect(id.description == "schema.unknown-key")
    #expect(id.stage == "schema")
    #expect(DiagnosticID("model.a") < DiagnosticID("schema.a"))
  }
}
