import ScenarioFormat

/// An ECS cluster and the Service Connect namespace its services default to
/// (`serviceConnectDefaults`).
public struct Cluster: Sendable {
  public var name: String
  public var serviceConnectNamespace: Int?
  public var source: SourceRef
}
