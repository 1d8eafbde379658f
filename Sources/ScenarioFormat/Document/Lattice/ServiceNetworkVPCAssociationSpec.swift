/// `CreateServiceNetworkVpcAssociation`: a VPC joins a service network, optionally with
/// security groups that filter which of its clients may use the network.
public struct ServiceNetworkVPCAssociationSpec: Sendable {
  public var serviceNetwork: String
  public var vpc: String
  public var securityGroups: [String]
  /// `privateDnsEnabled`: custom domain names resolve inside the VPC (default true).
  public var privateDnsEnabled: Bool?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}
