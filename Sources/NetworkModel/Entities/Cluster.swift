import ScenarioFormat

/// An ECS cluster.
public struct Cluster: Sendable {
  public var name: String
  public var serviceConnectNamespace: Int?
  public var source: SourceRef
}
