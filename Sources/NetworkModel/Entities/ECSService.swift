import ScenarioFormat

/// An ECS service: `desiredCount` tasks of one task definition spread over its subnets, each with
/// an ENI carrying the service's security groups, registered in Cloud Map and target groups.
public struct ECSService: Sendable {
  public var name: String
  public var cluster: Int?
  public var taskDefinition: Int
  public var desiredCount: Int
  public var subnets: [Int]
  public var securityGroups: [Int]
  public var assignPublicIP: Bool
  /// Cloud Map services (index) and the port registered for SRV records.
  public var registries: [(service: Int, port: Int?)]
  public var spec: ServiceSpec
}
