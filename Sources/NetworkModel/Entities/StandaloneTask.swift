import ScenarioFormat

/// A standalone task started with `RunTask`.
public struct StandaloneTask: Sendable {
  public var name: String
  public var taskDefinition: Int
  public var count: Int
  public var subnets: [Int]
  public var securityGroups: [Int]
  public var assignPublicIP: Bool
  public var spec: RunTaskSpec
}
