import ScenarioFormat

/// A VPC Lattice auth policy: an IAM resource policy attached to a service network or service.
///
/// It is active only while the resource's auth type is `AWS_IAM`; evaluation follows IAM: an
/// explicit `Deny` wins, otherwise some `Allow` must match, otherwise the request is implicitly
/// denied (VPC Lattice user guide, "Auth policies"; aws-behaviour §3.7).
public struct LatticeAuthPolicy: Sendable {
  public var statements: [LatticePolicyStatement]
  public var source: SourceRef

  public init(statements: [LatticePolicyStatement], source: SourceRef) {
    self.statements = statements
    self.source = source
  }
}
