import Diagnostics
import Testing

@Suite struct DiagnosticEngineTests {
  private func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  @Test func sortsByFileLineColumnIdAndMessage() {
    let engine = DiagnosticEngine()
    engine.error("z.b", "second", at: at("a.json", 3, 1))
    engine.warning("z.a", "third", at: at("a.json", 3, 1))
    engine.error("z.b", "first", at: at("a.json", 3, 1))
    engine.error("a.a", "last", at: at("b.json", 1, 1))
    engine.error("a.a", "early", at: at("a.json", 2, 40))
    engine.error("a.a", "no location", at: nil)
    #expect(
      engine.diagnostics.map(\.message) == [
        "no location", "early", "third", "first", "second", "last",
      ])
  }

  @Test func orderDoesNotDependOnEmissionOrder() {
    let diagnostics = [
      Diagnostic(id: "x.a", message: "m", location: at("f", 1, 1), path: "/b"),
      Diagnostic(id: "x.a", message: "m", location: at("f", 1, 1), path: "/a"),
      Diagnostic(id: "x.a", message: "m", location: at("f", 1, 1), path: nil),
      Diagnostic(id: "x.a", severity: .warning, message: "m", location: at("f", 1, 1)),
      Diagnostic(
        id: "x.a", message: "m", location: at("f", 1, 1),
        notes: [Diagnostic.Note(message: "n", location: at("f", 2, 2))]),
      Diagnostic(id: "x.a", message: "m", location: at("f", 1, 1), hint: "h"),
    ]
    let forward = DiagnosticEngine()
    diagnostics.forEach(forward.emit)
    let backward = DiagnosticEngine()
    diagnostics.reversed().forEach(backward.emit)
    #expect(forward.diagnostics == backward.diagnostics)
    #expect(forward.diagnostics.count == diagnostics.count)
  }

  @Test func removesExactDuplicatesOnly() {
    let engine = DiagnosticEngine()
    engine.error("schema.unknown-key", "unknown key 'x'", at: at("f", 1, 2), path: "/x")
    engine.error("schema.unknown-key", "unknown key 'x'", at: at("f", 1, 2), path: "/x")
    engine.warning("schema.unknown-key", "unknown key 'x'", at: at("f", 1, 2), path: "/x")
    #expect(engine.diagnostics.count == 2)
    #expect(engine.errorCount == 1)
    #expect(engine.warningCount == 1)
  }

  @Test func countsErrorsAndWarnings() {
    let engine = DiagnosticEngine()
    #expect(!engine.hasErrors)
    engine.warning("model.route-shadowed", "w", at: nil)
    #expect(!engine.hasErrors)
    #expect(engine.warningCount == 1)
    engine.error("model.duplicate-name", "e", at: nil)
    engine.emit(Diagnostic(id: "model.x", severity: .note, message: "n"))
    #expect(engine.hasErrors)
    #expect(engine.errorCount == 1)
    #expect(engine.warningCount == 1)
    #expect(engine.diagnostics.count == 3)
  }

  @Test func absorbAddsAnotherEnginesDiagnostics() {
    let first = DiagnosticEngine()
    first.error("a.a", "one", at: at("f", 2, 1))
    let second = DiagnosticEngine()
    second.error("a.a", "zero", at: at("f", 1, 1))
    second.error("a.a", "one", at: at("f", 2, 1))
    first.absorb(second)
    first.absorb(first)
    #expect(first.diagnostics.map(\.message) == ["zero", "one"])
    #expect(second.diagnostics.count == 2)
  }

  @Test func diagnosticsReflectLaterEmissions() {
    let engine = DiagnosticEngine()
    engine.error("a.a", "b", at: at("f", 2, 1))
    #expect(engine.diagnostics.count == 1)
    engine.error("a.a", "a", at: at("f", 1, 1))
    #expect(engine.diagnostics.map(\.message) == ["a", "b"])
  }
}
