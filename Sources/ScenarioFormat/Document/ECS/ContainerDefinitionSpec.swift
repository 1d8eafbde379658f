/// One container definition, plus MeshSim's simulation-only `behavior`.
public struct ContainerDefinitionSpec: Sendable {
  public var name: String
  public var image: String?
  public var essential: Bool
  public var user: String?
  public var portMappings: [PortMappingSpec]
  public var environment: [(name: String, value: String)]
  /// What the application in this container does with a request (simulation only).
  public var behavior: BehaviorSpec?
  public var source: SourceRef
}
