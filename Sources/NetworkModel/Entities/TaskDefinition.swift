import ScenarioFormat

/// An ECS task definition (awsvpc mode): its containers, their ports and behaviours, and the
/// App Mesh `proxyConfiguration` when it has one.
public struct TaskDefinition: Sendable {
  public var family: String
  public var containers: [Container]
  public var proxy: ProxyConfiguration?
  public var spec: TaskDefinitionSpec

  /// One container of the task.
  public struct Container: Sendable {
    public var name: String
    public var ports: [PortMappingSpec]
    public var environment: [(name: String, value: String)]
    public var behavior: ApplicationBehavior?
    public var user: String?
  }

  /// Every container port of the task, in declaration order.
  public var containerPorts: [Int] { containers.flatMap { $0.ports.map(\.containerPort) } }

  /// The container that owns `port`, if any.
  public func container(listeningOn port: Int) -> Int? {
    containers.firstIndex { $0.ports.contains { $0.containerPort == port } }
  }

  /// The port mapping named `name` (Service Connect and Lattice refer to ports by name).
  public func portMapping(named name: String) -> PortMappingSpec? {
    for container in containers {
      if let m = container.ports.first(where: { $0.name == name }) { return m }
    }
    return nil
  }
}
