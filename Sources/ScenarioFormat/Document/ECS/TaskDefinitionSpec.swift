/// A task definition (`RegisterTaskDefinition`).
public struct TaskDefinitionSpec: Sendable {
  public var family: String
  public var networkMode: String
  public var containers: [ContainerDefinitionSpec]
  public var proxyConfiguration: ProxyConfigurationSpec?
  /// The IAM role the task's applications act as (VPC Lattice auth sees it as the caller).
  public var taskRoleArn: String?
  public var source: SourceRef
}
