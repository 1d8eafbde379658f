import ScenarioFormat

/// A subnet in one Availability Zone. It is public when its route table sends `0.0.0.0/0` to an
/// internet gateway; tasks there may get a public address (`assignPublicIp: ENABLED`).
public struct Subnet: Sendable {
  public var id: String
  public var name: String
  public var vpc: Int
  public var cidr: CIDRBlock
  public var availabilityZone: String
  public var isPublic: Bool
  public var source: SourceRef
  /// The first address AWS hands out (the first four and the last are reserved).
  public var firstUsableAddress: UInt32 { cidr.network + 4 }
  public var lastUsableAddress: UInt32 { (cidr.network | ~cidr.mask) - 1 }
}
