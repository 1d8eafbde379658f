import ScenarioFormat

/// Stage 3 output: a validated, resolved world. Every reference is an index into these arrays,
/// every default is applied, and every user error has already been reported — later stages may
/// treat a violation as a programming error.
public struct NetworkModel: Sendable {
  public var document: ScenarioDocument
  public var name: String { document.name }
  public var seed: UInt64
  public var region: String { document.region }
  public var accountID: String { document.accountID }
  public var vpcs: [VPC] = []
  public var subnets: [Subnet] = []
  public var securityGroups: [SecurityGroup] = []
  public var prefixLists: [PrefixList] = []
  public var namespaces: [Namespace] = []
  public var discoveryServices: [DiscoveryService] = []
  /// Instances registered by `RegisterInstance` in the scenario (ECS registers its own tasks).
  public var cloudMapInstances: [CloudMapInstance] = []
  public var clusters: [Cluster] = []
  public var taskDefinitions: [TaskDefinition] = []
  public var services: [ECSService] = []
  public var standaloneTasks: [StandaloneTask] = []
  public var serviceConnect = ServiceConnectModel()
  public var externals: [ExternalEndpoint] = []
  public var clients: [Client] = []
  public var traffic: [TrafficStream] = []
  public var events: [ScenarioEvent] = []
  public var expectations: [Expectation] = []
  /// Load balancers, listeners, target groups and their ECS attachments.
  public var loadBalancing = LoadBalancingModel()
  public var settings = SimulationSettings()
  public var appMesh = AppMeshModel()
  public var lattice = LatticeModel()

  public init(document: ScenarioDocument) {
    self.document = document
    self.seed = document.seed
  }

  /// The VPC of a service (that of its first subnet).
  public func vpc(ofService index: Int) -> Int? {
    services[index].subnets.first.map { subnets[$0].vpc }
  }
}
