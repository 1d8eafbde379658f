/// Who sends a request to a Lattice service, as auth policies see it.
///
/// Unsigned requests are the anonymous principal (`aws:PrincipalType` = `Anonymous`); a
/// SigV4-signed request carries an IAM identity. MeshSim assumes a signed caller's own
/// identity-based policy allows `vpc-lattice-svcs:Invoke` (only resource policies are modelled).
public enum LatticeCaller: Sendable, Equatable {
  case anonymous
  case principal(LatticePrincipal)

  /// How explanations name the caller.
  public var label: String {
    switch self {
    case .anonymous: "anonymous (unsigned)"
    case .principal(let principal): principal.arn
    }
  }
}
