import Diagnostics
import ScenarioFormat

extension Diagnostic {
  /// A `meshsim check` finding about the model element at `source` (analyses run on a valid
  /// model, so findings are warnings or notes, never errors).
  static func finding(
    _ id: DiagnosticID, _ severity: Severity, _ message: String, at source: SourceRef,
    notes: [Diagnostic.Note] = [], hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      id: id, severity: severity, message: message, location: source.location, path: source.path,
      notes: notes, hint: hint)
  }

  /// A warning finding: a configuration AWS accepts but probably not what the author meant.
  static func warning(
    _ id: DiagnosticID, _ message: String, at source: SourceRef, hint: String? = nil,
    notes: [Diagnostic.Note] = []
  ) -> Diagnostic {
    finding(id, .warning, message, at: source, notes: notes, hint: hint)
  }
}
