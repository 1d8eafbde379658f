import Diagnostics

/// The identifiers of the problems `ObjectReader` and `DecodingContext` report, alphabetical.
extension DiagnosticID {
  /// A string is not one of the values an enumeration allows.
  public static let schemaInvalidValue: DiagnosticID = "schema.invalid-value"
  /// A required key is absent.
  public static let schemaMissingKey: DiagnosticID = "schema.missing-key"
  /// A value has the wrong JSON type, for example a string where an integer belongs.
  public static let schemaTypeMismatch: DiagnosticID = "schema.type-mismatch"
  /// A key no decoder asked for; usually a typo.
  public static let schemaUnknownKey: DiagnosticID = "schema.unknown-key"
  /// A number is outside the range its field allows.
  public static let schemaValueOutOfRange: DiagnosticID = "schema.value-out-of-range"
}
