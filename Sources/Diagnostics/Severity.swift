/// How serious a diagnostic is.
///
/// Any `error` stops a scenario from being simulated (exit status 65); warnings and notes are
/// reported but do not.
public enum Severity: String, Sendable {
  /// The scenario is invalid and will not be simulated.
  case error
  /// The scenario is valid but probably does not do what its author meant.
  case warning
  /// Additional information attached to or standing beside another diagnostic.
  case note
}

extension Severity: CustomStringConvertible {
  /// The lower-case word printed in the compiler-style header (`error`, `warning`, `note`).
  public var description: String { rawValue }
}
