/// A Lattice service (`CreateService`).
public struct LatticeServiceSpec: Sendable {
  public var name: String
  public var authType: String?
  public var customDomainName: String?
  public var certificateArn: String?
  public var id: String?
  public var arn: String?
  /// `dnsEntry.domainName` from describe output: the generated name to use instead of MeshSim's.
  public var dnsName: String?
  public var source: SourceRef
}
