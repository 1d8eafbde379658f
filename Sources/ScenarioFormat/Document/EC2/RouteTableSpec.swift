/// A route table as `describe-route-tables` prints it; a route to an `igw-…` gateway makes
/// the associated subnets public.
public struct RouteTableSpec: Sendable {
  /// One `Routes[]` entry.
  public struct Route: Sendable {
    public var destinationCIDR: String
    public var gatewayID: String?
    public var natGatewayID: String?
  }
  /// One `Associations[]` entry: a subnet, or the VPC's main table.
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
