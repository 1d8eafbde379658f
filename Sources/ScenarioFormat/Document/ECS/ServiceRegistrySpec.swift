/// `serviceRegistries[]`: the Cloud Map service ECS registers each task in.
public struct ServiceRegistrySpec: Sendable {
  public var registry: String
  public var port: Int?
  public var containerName: String?
  public var containerPort: Int?
  public var source: SourceRef
}
