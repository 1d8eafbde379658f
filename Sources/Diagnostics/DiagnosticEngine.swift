/// Collects every diagnostic found while reading and checking scenarios.
///
/// Stages keep going after a problem so that one run reports all of them (Batfish,
/// swift-format's `DiagnosticsEngine`); the caller then refuses to simulate when `hasErrors`.
/// `diagnostics` is sorted by file, line, column, id and message with exact duplicates removed,
/// so the report is the same whatever order the problems were found in.
///
/// Not thread-safe: confine each engine to one thread and merge with `absorb(_:)`.
public final class DiagnosticEngine: @unchecked Sendable {
  private var collected: [Diagnostic] = []
  private var sortedCache: [Diagnostic]?

  /// Creates an empty engine.
  public init() {}

  /// Records a diagnostic.
  public func emit(_ diagnostic: Diagnostic) {
    collected.append(diagnostic)
    sortedCache = nil
  }

  /// Records an error.
  public func error(
    _ id: DiagnosticID,
    _ message: String,
    at location: SourceLocation?,
    path: String? = nil,
    notes: [Diagnostic.Note] = [],
    hint: String? = nil
  ) {
    emit(
      Diagnostic(
        id: id, severity: .error, message: message, location: location, path: path,
        notes: notes, hint: hint))
  }

  /// Records a warning.
  public func warning(
    _ id: DiagnosticID,
    _ message: String,
    at location: SourceLocation?,
    path: String? = nil,
    notes: [Diagnostic.Note] = [],
    hint: String? = nil
  ) {
    emit(
      Diagnostic(
        id: id, severity: .warning, message: message, location: location, path: path,
        notes: notes, hint: hint))
  }

  /// Records every diagnostic collected by `other` (which is left unchanged).
  public func absorb(_ other: DiagnosticEngine) {
    guard other !== self else { return }
    collected.append(contentsOf: other.collected)
    sortedCache = nil
  }

  /// All diagnostics in report order, exact duplicates removed.
  ///
  /// - Complexity: O(*n* log *n*) after a change, O(1) otherwise.
  public var diagnostics: [Diagnostic] {
    if let sortedCache { return sortedCache }
    var result: [Diagnostic] = []
    for diagnostic in collected.sorted(by: { $0.isReported(before: $1) })
    where result.last != diagnostic {
      result.append(diagnostic)
    }
    sortedCache = result
    return result
  }

  /// The number of distinct errors.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }

  /// The number of distinct warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

  /// Whether any error was recorded.
  public var hasErrors: Bool { collected.contains { $0.severity == .error } }
}
