/// The `ecs` section: clusters, task definitions, services and standalone tasks, in the ECS API
/// request shapes (`CreateCluster`, `RegisterTaskDefinition`, `CreateService`, `RunTask`).
public struct ECSSection: Sendable {
  public var clusters: [ClusterSpec] = []
  public var taskDefinitions: [TaskDefinitionSpec] = []
  public var services: [ServiceSpec] = []
  public var tasks: [RunTaskSpec] = []
  public init() {}
}
