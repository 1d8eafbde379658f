/// An endpoint outside the ECS services: an RDS host name, a public API, an on-premises host.
public struct ExternalEndpointSpec: Sendable {
  public var name: String
  public var hostnames: [String]
  public var ipAddress: String?
  /// Subnet name or id when the endpoint lives inside a VPC (an RDS instance); nil = internet.
  public var subnet: String?
  public var securityGroups: [String]
  public var ports: [Int]
  public var behavior: BehaviorSpec?
  public var source: SourceRef
}
