/// A place traffic starts from: the internet, or a host inside a subnet (a bastion, an EC2
/// instance) with its own security groups.
public struct ClientSpec: Sendable {
  public var name: String
  /// Subnet name or id; nil means the client stands on the internet.
  public var subnet: String?
  public var securityGroups: [String]
  public var ipAddress: String?
  /// IAM principal the client signs requests as (SigV4), for VPC Lattice auth policies.
  public var principal: String?
  public var source: SourceRef

  public init(
    name: String, subnet: String?, securityGroups: [String], ipAddress: String?, principal: String?,
    source: SourceRef
  ) {
    self.name = name
    self.subnet = subnet
    self.securityGroups = securityGroups
    self.ipAddress = ipAddress
    self.principal = principal
    self.source = source
  }
}
