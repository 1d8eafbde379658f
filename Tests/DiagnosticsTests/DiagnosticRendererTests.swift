import Diagnostics
import Testing

@Suite struct DiagnosticRendererTests {
  private static let file = "Scenarios/x.json"
  private static let source = """
    {
      "weightedTargets": [
        { "virtualNode": "orders-v1", "weight": 90 },
        { "virtualNode": "orders-v3", "weight": 10 }
      ]
    }
    """

  private let renderer = DiagnosticRenderer(sources: [file: source])

  private static func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  @Test func rendersHeaderExcerptMarkerPathNotesAndHint() {
    let diagnostic = Diagnostic(
      id: "model.unresolved-reference", message: "unknown virtual node 'orders-v3'",
      location: Self.at(4, 22), path: "/weightedTargets/1/virtualNode",
      notes: [Diagnostic.Note(message: "did you mean 'orders-v2'?", location: Self.at(17, 7))],
      hint: "declare the virtual node or fix the name")
    #expect(
      renderer.render(diagnostic) == """
        Scenarios/x.json:4:22: error: unknown virtual node 'orders-v3' [model.unresolved-reference]
            3 │     { "virtualNode": "orders-v1", "weight": 90 },
            4 │     { "virtualNode": "orders-v3", "weight": 10 }
              │                      ╰─ here
          at /weightedTargets/1/virtualNode
        note: did you mean 'orders-v2'? (declared at Scenarios/x.json:17:7)
        hint: declare the virtual node or fix the name
        """)
  }

  @Test func firstLineHasNoPreviousLine() {
    let diagnostic = Diagnostic(
      id: "syntax.x", severity: .warning, message: "m", location: Self.at(1, 1))
    #expect(
      renderer.render(diagnostic) == """
        Scenarios/x.json:1:1: warning: m [syntax.x]
            1 │ {
              │ ╰─ here
        """)
  }

  @Test func emptyPreviousLineHasNoTrailingSpace() {
    let renderer = DiagnosticRenderer(sources: ["f": "\n  x\r\n"])
    let diagnostic = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "f", line: 2, column: 3))
    #expect(
      renderer.render(diagnostic) == """
        f:2:3: error: m [a.b]
            1 │
            2 │   x
              │   ╰─ here
        """)
  }

  @Test func withoutSourceOrLocationOnlyTheTextIsShown() {
    let unknownFile = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "other.json", line: 2, column: 3),
      path: "/a")
    #expect(renderer.render(unknownFile) == "other.json:2:3: error: m [a.b]\n  at /a")
    let beyondEnd = Diagnostic(id: "a.b", message: "m", location: Self.at(99, 1))
    #expect(renderer.render(beyondEnd) == "Scenarios/x.json:99:1: error: m [a.b]")
    let nowhere = Diagnostic(
      id: "a.b", message: "m", notes: [Diagnostic.Note(message: "n")])
    #expect(renderer.render(nowhere) == "error: m [a.b]\nnote: n")
  }

  @Test func controlCharactersAreShownAsSpacesToKeepTheMarkerAligned() {
    let renderer = DiagnosticRenderer(sources: ["f": "\t\"a\":\u{0}1"])
    let diagnostic = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "f", line: 1, column: 7))
    #expect(
      renderer.render(diagnostic) == """
        f:1:7: error: m [a.b]
            1 │  "a": 1
              │       ╰─ here
        """)
  }

  @Test func markerStopsJustAfterTheEndOfTheLine() {
    let renderer = DiagnosticRenderer(sources: ["f": "ab"])
    let diagnostic = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "f", line: 1, column: .max))
    #expect(renderer.render(diagnostic).hasSuffix("      │   ╰─ here"))
  }

  @Test func longLinesAreCutAroundTheColumn() {
    let line = String(repeating: "a", count: 200) + "X" + String(repeating: "b", count: 200)
    let renderer = DiagnosticRenderer(sources: ["f": line])
    let diagnostic = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "f", line: 1, column: 201))
    let lines = renderer.render(diagnostic).split(separator: "\n").map(String.init)
    let shown = String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59)
    #expect(lines[1] == "    1 │ …" + shown + "…")
    #expect(lines[2] == "      │ " + String(repeating: " ", count: 61) + "╰─ here")
  }

  @Test func wideLineNumbersWidenTheGutter() {
    let source = Array(repeating: "x", count: 123_456).joined(separator: "\n")
    let renderer = DiagnosticRenderer(sources: ["f": source])
    let diagnostic = Diagnostic(
      id: "a.b", message: "m", location: SourceLocation(file: "f", line: 123_456, column: 1))
    #expect(
      renderer.render(diagnostic) == """
        f:123456:1: error: m [a.b]
        123455 │ x
        123456 │ x
               │ ╰─ here
        """)
  }

  @Test func listEndsWithSummary() {
    let diagnostics = [
      Diagnostic(id: "a.b", message: "one"),
      Diagnostic(id: "a.b", severity: .warning, message: "two"),
      Diagnostic(id: "a.b", message: "three"),
      Diagnostic(id: "a.b", severity: .note, message: "four"),
    ]
    #expect(
      renderer.render(diagnostics) == """
        error: one [a.b]

        warning: two [a.b]

        error: three [a.b]

        note: four [a.b]

        2 errors, 1 warning
        """)
    #expect(renderer.render([]) == "0 errors, 0 warnings")
    #expect(DiagnosticRenderer.summary(errors: 1, warnings: 2) == "1 error, 2 warnings")
  }

  @Test func colourIsOffByDefaultAndOnWhenAsked() {
    let diagnostic = Diagnostic(id: "a.b", message: "m", location: Self.at(1, 1))
    #expect(!renderer.render(diagnostic).contains("\u{1B}"))
    let colored = DiagnosticRenderer(sources: [Self.file: Self.source], colored: true)
    let text = colored.render(diagnostic)
    #expect(text.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(text.contains("[a.b]"))
  }
}
