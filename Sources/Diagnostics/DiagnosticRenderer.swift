/// Turns diagnostics into compiler-style text with an annotated source excerpt.
///
/// The first line is `file:line:column: severity: message [id]`, which editors and CI log
/// viewers can jump to (swift-format's printer). Below it come the offending source line and
/// the one before it with a `│` gutter, a `╰─ here` marker under the exact column (swift-syntax's
/// `DiagnosticsFormatter`), the JSON pointer of the offending value, the notes and the hint:
///
/// ```
/// Scenarios/x.json:42:25: error: unknown virtual node 'orders-v3' [model.unresolved-reference]
///    41 │         { "virtualNode": "orders-v1", "weight": 90 },
///    42 │         { "virtualNode": "orders-v3", "weight": 10 }
///       │                         ╰─ here
///   at /appMesh/routes/1/spec/httpRoute/action/weightedTargets/1/virtualNode
/// note: did you mean 'orders-v2'? (declared at Scenarios/x.json:17:7)
/// ```
///
/// Colour (ANSI escapes) is off unless asked for; the CLI decides based on the terminal.
public struct DiagnosticRenderer: Sendable {
  /// The widest excerpt shown, in Unicode scalars; longer lines are cut around the column.
  static let excerptWidth = 120

  private let sourceLines: [String: [[Unicode.Scalar]]]
  /// Whether the output contains ANSI colour escapes.
  public let colored: Bool

  /// Creates a renderer that can quote the given files.
  ///
  /// - Parameters:
  ///   - sources: The full text of each file, keyed by the file name used in locations.
  ///   - colored: Whether to add ANSI colour escapes.
  public init(sources: [String: String], colored: Bool = false) {
    self.colored = colored
    self.sourceLines = sources.mapValues(Self.splitLines)
  }

  /// The text of one diagnostic: header, excerpt, path, notes and hint, without a final newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    var lines: [String] = [header(diagnostic)]
    if let location = diagnostic.location {
      lines.append(contentsOf: excerpt(at: location))
    }
    if let path = diagnostic.path {
      lines.append("  at \(path)")
    }
    for note in diagnostic.notes {
      var line = paint("note:", .note) + " " + note.message
      if let location = note.location {
        line += " (declared at \(location))"
      }
      lines.append(line)
    }
    if let hint = diagnostic.hint {
      lines.append(paint("hint:", .hint) + " " + hint)
    }
    return lines.joined(separator: "\n")
  }

  /// The text of all diagnostics in the given order, separated by blank lines and followed by a
  /// summary such as "2 errors, 1 warning"; no final newline.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    let blocks = diagnostics.map(render) + [Self.summary(errors: errors, warnings: warnings)]
    return blocks.joined(separator: "\n\n")
  }

  /// A count line such as "1 error, 0 warnings".
  public static func summary(errors: Int, warnings: Int) -> String {
    "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
  }

  private func header(_ diagnostic: Diagnostic) -> String {
    var text = ""
    if let location = diagnostic.location {
      text += paint("\(location):", .bold) + " "
    }
    let role: Paint =
      switch diagnostic.severity {
      case .error: .error
      case .warning: .warning
      case .note: .note
      }
    text += paint("\(diagnostic.severity):", role) + " "
    text += paint(diagnostic.message, .bold) + " [\(diagnostic.id)]"
    return text
  }

  /// The excerpt lines for `location`, or none when the file or line is unknown.
  private func excerpt(at location: SourceLocation) -> [String] {
    guard let lines = sourceLines[location.file], location.line >= 1,
      location.line <= lines.count
    else { return [] }
    let target = lines[location.line - 1]
    let column = min(max(1, location.column), target.count + 1)
    let start = Self.windowStart(lineLength: target.count, column: column)
    let width = max(5, String(location.line).count)
    var result: [String] = []
    if location.line > 1 {
      let previous = Self.visibleText(lines[location.line - 2], from: start)
      result.append(numbered(location.line - 1, width: width, previous))
    }
    result.append(numbered(location.line, width: width, Self.visibleText(target, from: start)))
    let offset = column - 1 - start + (start > 0 ? 1 : 0)
    let marker = String(repeating: " ", count: offset) + paint("╰─ here", .caret)
    result.append(String(repeating: " ", count: width) + " │ " + marker)
    return result
  }

  /// A source line behind a gutter holding its right-aligned number.
  private func numbered(_ number: Int, width: Int, _ text: String) -> String {
    let digits = String(number)
    let gutter = String(repeating: " ", count: max(0, width - digits.count)) + digits + " │"
    return text.isEmpty ? gutter : gutter + " " + text
  }

  /// The first scalar shown of a line, so that `column` stays inside the excerpt window.
  static func windowStart(lineLength: Int, column: Int) -> Int {
    guard lineLength > excerptWidth else { return 0 }
    let centered = column - 1 - excerptWidth / 2
    return max(0, min(centered, lineLength - excerptWidth))
  }

  /// A line cut to the excerpt window, with control characters shown as spaces so the marker
  /// stays aligned, an ellipsis where text was cut, and trailing spaces removed.
  static func visibleText(_ line: [Unicode.Scalar], from start: Int) -> String {
    var text = String.UnicodeScalarView()
    if start > 0 { text.append("…") }
    let end = min(line.count, start + excerptWidth)
    if start < end {
      for scalar in line[start..<end] {
        text.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
      }
    }
    if end < line.count { text.append("…") }
    var result = String(text)
    while result.last == " " { result.removeLast() }
    return result
  }

  /// Splits text on line feeds (not on `\r\n` graphemes) and drops a trailing carriage return.
  static func splitLines(_ text: String) -> [[Unicode.Scalar]] {
    var lines: [[Unicode.Scalar]] = [[]]
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
        lines.append([])
      } else {
        lines[lines.count - 1].append(scalar)
      }
    }
    if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
    return lines
  }
}
