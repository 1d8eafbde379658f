import Diagnostics
import Testing

@Suite struct DiagnosticRendererJSONTests {
  @Test func writesEveryFieldWithSortedKeysAndNulls() {
    let diagnostics = [
      Diagnostic(
        id: "syntax.duplicate-key", message: "duplicate key 'name' in \"object\"",
        location: SourceLocation(file: "a.json", line: 3, column: 5), path: "/name",
        notes: [
          Diagnostic.Note(
            message: "first occurrence",
            location: SourceLocation(file: "a.json", line: 2, column: 5)),
          Diagnostic.Note(message: "tab\there"),
        ]),
      Diagnostic(id: "model.x", severity: .warning, message: "w", hint: "fix\nit"),
    ]
    #expect(
      DiagnosticRenderer.json(diagnostics) == """
        [
          {
            "column": 5,
            "file": "a.json",
            "hint": null,
            "id": "syntax.duplicate-key",
            "line": 3,
            "message": "duplicate key 'name' in \\"object\\"",
            "notes": [
              {
                "column": 5,
                "file": "a.json",
                "line": 2,
                "message": "first occurrence"
              },
              {
                "column": null,
                "file": null,
                "line": null,
                "message": "tab\\there"
              }
            ],
            "path": "/name",
            "severity": "error"
          },
          {
            "column": null,
            "file": null,
            "hint": "fix\\nit",
            "id": "model.x",
            "line": null,
            "message": "w",
            "notes": [],
            "path": null,
            "severity": "warning"
          }
        ]
        """)
  }

  @Test func emptyListIsEmptyArray() {
    #expect(DiagnosticRenderer.json([]) == "[]")
  }

  @Test func controlCharactersAreUnicodeEscapes() {
    let json = DiagnosticRenderer.json([Diagnostic(id: "a.b", message: "\u{1}\u{1F}\u{7F}")])
    #expect(json.contains(#""message": "\u0001\u001f\u007f""#))
  }
}
