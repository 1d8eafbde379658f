/// The verdict of one auth policy on one request, with the statement that decided it.
public struct LatticeAuthDecision: Sendable, Equatable {
  /// Whether the policy allowed the request and, if not, how it denied it.
  public enum Outcome: String, Sendable {
    case allowed
    /// A matching `Deny` statement (wins over every `Allow`).
    case explicitlyDenied
    /// No `Allow` statement matched.
    case implicitlyDenied
  }
  public var outcome: Outcome
  /// Index of the deciding statement (nil for an implicit deny).
  public var statement: Int?
  /// `allowed by statement #1 (Sid 'Team')`, or why nothing allowed the request.
  public var explanation: String

  public var isAllowed: Bool { outcome == .allowed }
}
