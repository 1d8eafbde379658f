import ScenarioFormat

/// A VPC: an isolated address space. Private addresses are reachable only from inside it
/// (peering and transit gateways are not modelled).
public struct VPC: Sendable {
  public var id: String
  public var name: String
  public var cidr: CIDRBlock
  public var source: SourceRef
  /// The Route 53 Resolver address (VPC base + 2), which security groups cannot block.
  public var resolverAddress: IPv4Address { IPv4Address(cidr.network + 2) }
}
