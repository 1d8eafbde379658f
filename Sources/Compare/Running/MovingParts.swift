import ScenarioFormat

/// What a wiring asks a team to create and run: AWS resources by kind (counted in the generated
/// scenario) and the proxies that run next to or in front of the application.
public struct MovingParts: Sendable {
  /// (kind, count), in section order, kinds with a zero count left out.
  public var resources: [(kind: String, count: Int)]
  /// Proxy containers in the application's tasks (Envoy sidecars you run, or ECS-managed ones).
  public var sidecars: Int
  /// Whether the team defines and upgrades the sidecars itself (App Mesh) or ECS does.
  public var sidecarsManaged: Bool
  /// Tasks that only run a proxy (App Mesh virtual gateways).
  public var proxyTasks: Int

  public var resourceCount: Int { resources.map(\.count).reduce(0, +) }

  public init(_ wired: WiredScenario, app: ApplicationSpec) {
    let kinds: [(section: String, key: String, label: String)] = [
      ("ec2", "securityGroups", "security groups"),
      ("cloudMap", "namespaces", "Cloud Map namespaces"),
      ("cloudMap", "services", "Cloud Map services"),
      ("ecs", "services", "ECS services"),
      ("elb", "loadBalancers", "load balancers"), ("elb", "targetGroups", "ALB target groups"),
      ("elb", "listeners", "ALB listeners"), ("elb", "rules", "ALB rules"),
      ("appMesh", "meshes", "meshes"), ("appMesh", "virtualNodes", "virtual nodes"),
      ("appMesh", "virtualRouters", "virtual routers"), ("appMesh", "routes", "routes"),
      ("appMesh", "virtualServices", "virtual services"),
      ("appMesh", "virtualGateways", "virtual gateways"),
      ("appMesh", "gatewayRoutes", "gateway routes"),
      ("lattice", "serviceNetworks", "service networks"),
      ("lattice", "services", "Lattice services"),
      ("lattice", "listeners", "Lattice listeners"), ("lattice", "rules", "Lattice rules"),
      ("lattice", "targetGroups", "Lattice target groups"),
      ("lattice", "serviceNetworkVpcAssociations", "VPC associations"),
      ("lattice", "serviceNetworkServiceAssociations", "service associations"),
    ]
    var resources: [(String, Int)] = []
    if case .object(let root) = wired.document {
      for kind in kinds {
        guard case .object(let section)? = root[kind.section],
          case .array(let items)? = section[kind.key],
          !items.isEmpty
        else { continue }
        resources.append((kind.label, items.count))
      }
    }
    self.resources = resources
    let tasks = app.services.flatMap(\.versions).map(\.tasks).reduce(0, +)
    self.sidecars = wired.sidecarsPerTask * tasks
    self.sidecarsManaged = wired.option == .serviceConnect
    self.proxyTasks = wired.proxyTasks
  }
}
