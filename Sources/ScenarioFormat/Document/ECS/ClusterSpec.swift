/// An ECS cluster (`CreateCluster`); `serviceConnectDefaults.namespace` is the default Service
/// Connect namespace of its services.
public struct ClusterSpec: Sendable {
  public var name: String
  public var serviceConnectNamespace: String?
  public var source: SourceRef
}
