import ScenarioFormat

/// An endpoint that is not an ECS task: an RDS host, a public API, an AWS API endpoint.
public struct ExternalEndpoint: Sendable {
  public var name: String
  public var hostnames: [String]
  public var address: IPv4Address?
  public var subnet: Int?
  public var securityGroups: [Int]
  public var ports: [Int]
  public var behavior: ApplicationBehavior
  public var source: SourceRef
}
