import ScenarioFormat

/// A VPC's association with a service network. Its security groups filter which clients of the
/// VPC may use the network (inbound rules evaluated against the client; none = no filtering).
public struct LatticeVPCAssociation: Sendable {
  public var id: String
  public var arn: String
  public var serviceNetwork: Int
  public var vpc: Int
  public var securityGroups: [Int]
  /// Custom domain names of the network's services resolve inside the VPC.
  public var privateDNSEnabled: Bool
  /// False when an event creates it later.
  public var activeAtStart: Bool
  public var source: SourceRef
}
