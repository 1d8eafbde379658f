/// A VPC as `describe-vpcs` prints it: `VpcId`, `CidrBlock`, `Tags`.
public struct VPCSpec: Sendable {
  public var vpcID: String?
  public var cidrBlock: String
  public var tags: [Tag]
  public var source: SourceRef
  /// The name other resources may use: the `Name` tag, else the id.
  public var name: String { tags.nameTag ?? vpcID ?? "" }
}
