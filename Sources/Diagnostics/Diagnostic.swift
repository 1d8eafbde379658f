/// One problem found in a scenario: what is wrong, where, and how to fix it.
///
/// Messages start lower-case, quote names in single quotes and have no final period
/// ("unknown virtual node 'orders-v3'"). `location` is where an editor should jump; `path` is
/// the JSON pointer of the offending value (`/ecs/services/0/name`) so the problem can be found
/// even without a source excerpt. Notes add related places ("first occurrence here", "did you
/// mean …?"); `hint` says how to fix it when that is not obvious from the message.
public struct Diagnostic: Sendable, Hashable {
  /// A secondary message attached to a diagnostic, optionally pointing at another place.
  public struct Note: Sendable, Hashable {
    /// The note text, for example "did you mean 'orders-v2'?".
    public var message: String
    /// Where the note points, for example the declaration of a suggested name.
    public var location: SourceLocation?

    /// Creates a note with a message and an optional location.
    public init(message: String, location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// The stable identifier of this kind of problem.
  public var id: DiagnosticID
  /// How serious the problem is.
  public var severity: Severity
  /// What is wrong, lower-case, names in single quotes, no final period.
  public var message: String
  /// Where the problem is, or `nil` when it concerns no single place.
  public var location: SourceLocation?
  /// The JSON pointer of the offending value, for example `/ecs/services/0/name`.
  public var path: String?
  /// Related information, each optionally pointing at another place.
  public var notes: [Note]
  /// How to fix the problem, when the message alone does not say.
  public var hint: String?

  /// Creates a diagnostic; only the identifier and message are required.
  public init(
    id: DiagnosticID,
    severity: Severity = .error,
    message: String,
    location: SourceLocation? = nil,
    path: String? = nil,
    notes: [Note] = [],
    hint: String? = nil
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.location = location
    self.path = path
    self.notes = notes
    self.hint = hint
  }
}
