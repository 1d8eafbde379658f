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

/// A VPC as `describe-vpcs` prints it: `VpcId`, `CidrBlock`, `Tags`.
public struct VPCSpec: Sendable {
  public var vpcID: String?
  public var cidrBlock: String
  public var tags: [Tag]
  public var source: SourceRef
  /// The name other resources may use: the `Name` tag, else the id.
  public var name: String { tags.nameTag ?? vpcID ?? "" }
}

/// A subnet as `describe-subnets` prints it.
public struct SubnetSpec: Sendable {
  public var subnetID: String?
  public var vpc: String
  public var cidrBlock: String
  public var availabilityZone: String
  public var mapPublicIPOnLaunch: Bool
  public var tags: [Tag]
  public var source: SourceRef
  public var name: String { tags.nameTag ?? subnetID ?? "" }
}

/// A route table as `describe-route-tables` prints it; a route to an `igw-…` gateway makes
/// the associated subnets public.
public struct RouteTableSpec: Sendable {
  public struct Route: Sendable {
    public var destinationCIDR: String
    public var gatewayID: String?
    public var natGatewayID: String?
  }
  public struct Association: Sendable {
    public var subnet: String?
    public var main: Bool
  }
  public var routeTableID: String?
  public var vpc: String
  public var routes: [Route]
  public var associations: [Association]
  public var tags: [Tag]
  public var source: SourceRef
}

/// A security group in EC2's shape (`GroupId`, `GroupName`, `IpPermissions`, `IpPermissionsEgress`).
///
/// When `IpPermissionsEgress` is absent the group gets AWS's default egress rule (all traffic to
/// 0.0.0.0/0), as a new security group does.
public struct SecurityGroupSpec: Sendable {
  public var groupID: String?
  public var groupName: String?
  public var vpc: String?
  public var ingress: [IPPermissionSpec]
  public var egress: [IPPermissionSpec]?
  public var tags: [Tag]
  public var source: SourceRef
  public var name: String { groupName ?? tags.nameTag ?? groupID ?? "" }
}

/// One `IpPermission`: protocol, port range and the peers it admits.
public struct IPPermissionSpec: Sendable {
  public var ipProtocol: String
  public var fromPort: Int?
  public var toPort: Int?
  public var cidrs: [String]
  public var groups: [String]
  public var prefixLists: [String]
  public var source: SourceRef
}

/// A managed prefix list (`describe-managed-prefix-lists` plus its entries).
public struct PrefixListSpec: Sendable {
  public var prefixListID: String
  public var prefixListName: String?
  public var cidrs: [String]
  public var source: SourceRef
}
