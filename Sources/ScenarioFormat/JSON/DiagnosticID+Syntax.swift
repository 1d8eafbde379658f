import Diagnostics

/// The identifiers of the problems `JSONReader` reports, alphabetical.
extension DiagnosticID {
  /// An object repeats a key; reported at the repetition with a note at the first occurrence.
  public static let syntaxDuplicateKey: DiagnosticID = "syntax.duplicate-key"
  /// The file holds nothing but whitespace and comments.
  public static let syntaxEmptyDocument: DiagnosticID = "syntax.empty-document"
  /// A backslash in a string is not followed by a valid escape, or a surrogate is unpaired.
  public static let syntaxInvalidEscape: DiagnosticID = "syntax.invalid-escape"
  /// A number does not follow JSON's grammar (leading zero, missing digits).
  public static let syntaxInvalidNumber: DiagnosticID = "syntax.invalid-number"
  /// The file is not valid UTF-8.
  public static let syntaxInvalidUTF8: DiagnosticID = "syntax.invalid-utf8"
  /// Arrays and objects are nested deeper than `JSONReader.maximumNestingDepth`.
  public static let syntaxNestingTooDeep: DiagnosticID = "syntax.nesting-too-deep"
  /// A comma after the last member of an object or the last element of an array.
  public static let syntaxTrailingComma: DiagnosticID = "syntax.trailing-comma"
  /// More text after the top-level value.
  public static let syntaxTrailingContent: DiagnosticID = "syntax.trailing-content"
  /// A character JSON does not allow at this point.
  public static let syntaxUnexpectedCharacter: DiagnosticID = "syntax.unexpected-character"
  /// The file ends in the middle of a value or comment.
  public static let syntaxUnexpectedEnd: DiagnosticID = "syntax.unexpected-end"
  /// A string has no closing quote before the end of its line or of the file.
  public static let syntaxUnterminatedString: DiagnosticID = "syntax.unterminated-string"
}
