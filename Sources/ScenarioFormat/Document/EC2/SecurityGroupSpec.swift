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
