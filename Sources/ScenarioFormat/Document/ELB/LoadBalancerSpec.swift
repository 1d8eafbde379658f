/// A load balancer as `CreateLoadBalancer` takes it (or `describe-load-balancers` prints it).
///
/// `SecurityGroups` stays `nil` when absent: a Network Load Balancer created without security
/// groups never gets any, while an Application Load Balancer then gets its VPC's default group.
public struct LoadBalancerSpec: Sendable {
  /// `Type`: `application` (the API default), `network` or `gateway`.
  public enum Kind: String, CaseIterable, Sendable {
    case application, network, gateway
  }
  /// `Scheme`: reachable from the internet, or only from inside the VPC.
  public enum Scheme: String, CaseIterable, Sendable {
    case internetFacing = "internet-facing"
    case `internal`
  }
  public var name: String
  public var arn: String?
  public var dnsName: String?
  public var kind: Kind
  public var scheme: Scheme
  /// Subnet references from `Subnets`, `SubnetMappings[].SubnetId` or
  /// `AvailabilityZones[].SubnetId`, in that order.
  public var subnets: [String]
  public var securityGroups: [String]?
  /// `VpcId` as `describe-load-balancers` prints it; the subnets decide the VPC.
  public var vpc: String?
  public var ipAddressType: String?
  public var tags: [Tag]
  public var source: SourceRef

  public init(
    name: String, arn: String? = nil, dnsName: String? = nil, kind: Kind, scheme: Scheme,
    subnets: [String], securityGroups: [String]?, vpc: String? = nil, ipAddressType: String? = nil,
    tags: [Tag] = [], source: SourceRef
  ) {
    self.name = name
    self.arn = arn
    self.dnsName = dnsName
    self.kind = kind
    self.scheme = scheme
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.vpc = vpc
    self.ipAddressType = ipAddressType
    self.tags = tags
    self.source = source
  }
}
