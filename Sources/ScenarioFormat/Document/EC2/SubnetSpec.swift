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
