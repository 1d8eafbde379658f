/// The `ec2` section: VPCs, subnets, route tables, security groups and prefix lists, in the
/// shapes `aws ec2 describe-*` prints (PascalCase).
public struct EC2Section: Sendable {
  public var vpcs: [VPCSpec] = []
  public var subnets: [SubnetSpec] = []
  public var routeTables: [RouteTableSpec] = []
  public var securityGroups: [SecurityGroupSpec] = []
  public var prefixLists: [PrefixListSpec] = []
  public init() {}
}
