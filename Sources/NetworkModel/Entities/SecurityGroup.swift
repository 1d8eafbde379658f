import ScenarioFormat

/// A VPC security group: stateful, allow-only rules on an ENI. Several groups on one ENI are
/// unioned; replies to allowed traffic always pass (VPC user guide, "Security group rules").
public struct SecurityGroup: Sendable {
  public var id: String
  public var name: String
  public var vpc: Int?
  public var ingress: [SecurityGroupRule]
  public var egress: [SecurityGroupRule]
  public var source: SourceRef
  /// How diagnostics and `explain` name the group: `sg-0abc (web-sg)`.
  public var label: String { name == id ? id : "\(id) (\(name))" }
}
