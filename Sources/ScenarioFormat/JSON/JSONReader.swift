import Diagnostics

/// Reads scenario JSON from UTF-8 bytes, keeping the line and column of every value.
///
/// Foundation's `JSONDecoder` loses positions and silently keeps one of two duplicate keys, so
/// scenarios are read by this tokenizer instead. It accepts strict JSON (RFC 8259) plus `//` and
/// `/* */` comments, because scenario files are annotated by hand, and an optional UTF-8 byte
/// order mark. Every problem is a `syntax.*` diagnostic saying what was expected and what was
/// found; no input makes it crash.
///
/// Recovery: a repeated key or a trailing comma is reported and reading goes on (the first
/// occurrence of a key wins); any other syntax error stops reading and `parse` returns `nil`.
public enum JSONReader {
  /// The deepest nesting of arrays and objects accepted; deeper input is
  /// `syntax.nesting-too-deep`, so later recursive stages never run out of stack.
  public static let maximumNestingDepth = 200

  /// Reads one JSON document.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents, UTF-8 encoded.
  ///   - file: The file name used in locations.
  ///   - diagnostics: Receives every syntax problem.
  /// - Returns: The root value, or `nil` when a syntax error stopped reading.
  public static func parse(
    _ bytes: [UInt8], file: String, diagnostics: DiagnosticEngine
  ) -> JSONNode? {
    var parser = JSONParser(bytes: bytes, file: file, diagnostics: diagnostics)
    return parser.parseDocument()
  }

  /// Reads one JSON document from text.
  public static func parse(
    _ text: String, file: String, diagnostics: DiagnosticEngine
  ) -> JSONNode? {
    parse(Array(text.utf8), file: file, diagnostics: diagnostics)
  }
}
