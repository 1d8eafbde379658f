import ScenarioFormat

/// The four ways `meshsim compare` wires an application's services together.
public enum WiringOption: String, Sendable, CaseIterable {
  /// Cloud Map DNS discovery: clients resolve `service.namespace` (A records, TTL) and connect
  /// to a task directly; an ALB takes outside traffic.
  case cloudMap
  /// App Mesh: an Envoy sidecar in every task, virtual services, routers and nodes; an ALB in
  /// front of a virtual gateway takes outside traffic.
  case appMesh
  /// ECS Service Connect: a managed proxy in every task, short names in `/etc/hosts`; an ALB
  /// takes outside traffic.
  case serviceConnect
  /// VPC Lattice: a service network, a Lattice service per application service, ECS tasks
  /// registered in Lattice target groups; an ALB takes outside traffic.
  case lattice

  /// The column heading of reports.
  public var title: String {
    switch self {
    case .cloudMap: "Cloud Map DNS + ALB"
    case .appMesh: "App Mesh"
    case .serviceConnect: "Service Connect"
    case .lattice: "VPC Lattice"
    }
  }

  /// The file-name suffix of the generated scenario (`shop-app-mesh.json`).
  public var fileSuffix: String {
    switch self {
    case .cloudMap: "cloud-map"
    case .appMesh: "app-mesh"
    case .serviceConnect: "service-connect"
    case .lattice: "lattice"
    }
  }
}

/// One generated scenario: the option, its JSON document, and what the option could not
/// express of the application (each a sentence for the report).
public struct WiredScenario: Sendable {
  public var option: WiringOption
  public var document: JSONOutput
  public var limitations: [String]
  /// Sidecar containers per task of each ECS service, and tasks that only proxy (gateways).
  public var sidecarsPerTask: Int
  public var proxyTasks: Int

  /// The scenario file's text.
  public var text: String { document.rendered(pretty: true) + "\n" }
}
