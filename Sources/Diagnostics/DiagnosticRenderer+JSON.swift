extension DiagnosticRenderer {
  /// The diagnostics as a pretty-printed JSON array, for `check --format json`.
  ///
  /// Every element has the same keys, sorted: `column`, `file`, `hint`, `id`, `line`,
  /// `message`, `notes` (each with `column`, `file`, `line`, `message`), `path` and `severity`;
  /// absent values are `null`. The output is deterministic and has no final newline.
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    var writer = JSONTextWriter()
    writer.array(diagnostics) { writer, diagnostic in
      writer.object { fields in
        fields.integer("column", diagnostic.location?.column)
        fields.string("file", diagnostic.location?.file)
        fields.string("hint", diagnostic.hint)
        fields.string("id", diagnostic.id.rawValue)
        fields.integer("line", diagnostic.location?.line)
        fields.string("message", diagnostic.message)
        fields.raw("notes") { writer in
          writer.array(diagnostic.notes) { writer, note in
            writer.object { fields in
              fields.integer("column", note.location?.column)
              fields.string("file", note.location?.file)
              fields.integer("line", note.location?.line)
              fields.string("message", note.message)
            }
          }
        }
        fields.string("path", diagnostic.path)
        fields.string("severity", diagnostic.severity.rawValue)
      }
    }
    return writer.text
  }
}
