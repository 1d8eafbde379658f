/// The `ecs` section: clusters, task definitions, services and standalone tasks, in the ECS API
/// request shapes (`CreateCluster`, `RegisterTaskDefinition`, `CreateService`, `RunTask`).
public struct ECSSection: Sendable {
  public var clusters: [ClusterSpec] = []
  public var taskDefinitions: [TaskDefinitionSpec] = []
  public var services: [ServiceSpec] = []
  public var tasks: [RunTaskSpec] = []
  public init() {}
}

/// An ECS cluster (`CreateCluster`); `serviceConnectDefaults.namespace` is the default Service
/// Connect namespace of its services.
public struct ClusterSpec: Sendable {
  public var name: String
  public var serviceConnectNamespace: String?
  public var source: SourceRef
}

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

/// A container port mapping; `name` and `appProtocol` matter to Service Connect.
public struct PortMappingSpec: Sendable {
  public var name: String?
  public var containerPort: Int
  public var hostPort: Int?
  public var transportProtocol: String
  public var appProtocol: String?
  public var source: SourceRef
}

/// ECS `proxyConfiguration` (type `APPMESH`): which TCP traffic the Envoy sidecar intercepts.
public struct ProxyConfigurationSpec: Sendable {
  public var containerName: String
  public var properties: [(name: String, value: String)]
  public var source: SourceRef
  public func property(_ name: String) -> String? { properties.first { $0.name == name }?.value }
}

/// An ECS service (`CreateService`).
public struct ServiceSpec: Sendable {
  public var name: String
  public var cluster: String?
  public var taskDefinition: String
  public var desiredCount: Int
  public var subnets: [String]
  public var securityGroups: [String]
  public var assignPublicIP: Bool
  public var serviceRegistries: [ServiceRegistrySpec]
  public var loadBalancers: [LoadBalancerAttachmentSpec]
  public var serviceConnect: ServiceConnectConfigurationSpec?
  public var vpcLatticeConfigurations: [VPCLatticeConfigurationSpec]
  public var source: SourceRef
}

/// `serviceRegistries[]`: the Cloud Map service ECS registers each task in.
public struct ServiceRegistrySpec: Sendable {
  public var registry: String
  public var port: Int?
  public var containerName: String?
  public var containerPort: Int?
  public var source: SourceRef
}

/// `loadBalancers[]`: the target group ECS registers each task's container port in.
public struct LoadBalancerAttachmentSpec: Sendable {
  public var targetGroup: String?
  public var loadBalancerName: String?
  public var containerName: String
  public var containerPort: Int
  public var source: SourceRef
}

/// `vpcLatticeConfigurations[]`: the Lattice target group ECS registers each task's named port in.
public struct VPCLatticeConfigurationSpec: Sendable {
  public var targetGroup: String
  public var portName: String
  public var roleArn: String?
  public var source: SourceRef
}

/// `serviceConnectConfiguration`, exactly as `CreateService` and `UpdateService` take it.
public struct ServiceConnectConfigurationSpec: Sendable {
  /// `clientAliases[].testTrafficRules.header`: blue/green test traffic picked by one header.
  public struct TestTrafficHeader: Sendable {
    public var name: String
    /// `value.exact`; nil when only the header's presence counts.
    public var exact: String?
    public var source: SourceRef
  }
  public struct Alias: Sendable {
    public var port: Int
    public var dnsName: String?
    public var testTrafficHeader: TestTrafficHeader?
    public var source: SourceRef
  }
  public struct Entry: Sendable {
    public var portName: String
    public var discoveryName: String?
    public var clientAliases: [Alias]
    public var ingressPortOverride: Int?
    public var idleTimeoutSeconds: Int?
    public var perRequestTimeoutSeconds: Int?
    public var tlsAuthority: String?
    public var source: SourceRef
  }
  public var enabled: Bool
  public var namespace: String?
  public var services: [Entry]
  public var source: SourceRef
}

/// A standalone task started with `RunTask` (not part of a service).
public struct RunTaskSpec: Sendable {
  public var name: String
  public var cluster: String?
  public var taskDefinition: String
  public var count: Int
  public var subnets: [String]
  public var securityGroups: [String]
  public var assignPublicIP: Bool
  public var source: SourceRef
}
