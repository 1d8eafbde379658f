import Diagnostics

/// What every decoder of one scenario file shares: the file name and the diagnostics sink.
///
/// Decoders never stop at the first problem: each one reports a `schema.*` diagnostic here,
/// returns `nil` for the offending value and carries on, so one run reports everything wrong
/// with the file. Not thread-safe; one context decodes one file on one thread.
public final class DecodingContext {
  /// Where problems are reported.
  public let diagnostics: DiagnosticEngine
  /// The name of the file being decoded, as used in locations.
  public let file: String

  /// Creates a context for decoding `file`.
  public init(file: String, diagnostics: DiagnosticEngine) {
    self.file = file
    self.diagnostics = diagnostics
  }

  /// Reports an error about `node`, at its location and with its JSON pointer.
  public func error(
    _ id: DiagnosticID, _ message: String, at node: JSONNode, notes: [Diagnostic.Note] = [],
    hint: String? = nil
  ) {
    diagnostics.error(
      id, message, at: node.location, path: node.path.description, notes: notes, hint: hint)
  }

  /// Reports a warning about `node`, at its location and with its JSON pointer.
  public func warning(
    _ id: DiagnosticID, _ message: String, at node: JSONNode, notes: [Diagnostic.Note] = [],
    hint: String? = nil
  ) {
    diagnostics.warning(
      id, message, at: node.location, path: node.path.description, notes: notes, hint: hint)
  }

  /// Reports `schema.type-mismatch`: "expected integer for 'weight', found string".
  public func reportTypeMismatch(expected: String, for what: String, found node: JSONNode) {
    error(
      .schemaTypeMismatch, "expected \(expected) for \(what), found \(node.value.kindName)",
      at: node)
  }
}
