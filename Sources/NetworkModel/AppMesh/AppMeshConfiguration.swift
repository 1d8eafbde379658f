import ScenarioFormat

/// One revision of the App Mesh configuration, every name resolved to an index.
///
/// Resources keep their index across revisions (update events replace a resource in place), so
/// engine state keyed by node or router index survives a configuration change.
public struct AppMeshConfiguration: Sendable {
  public var meshes: [Mesh] = []
  public var virtualNodes: [VirtualNode] = []
  public var virtualServices: [VirtualService] = []
  public var virtualRouters: [VirtualRouter] = []
  public var routes: [MeshRoute] = []
  public var virtualGateways: [VirtualGateway] = []
  public var gatewayRoutes: [GatewayRoute] = []

  public init() {}

  /// The virtual service called `name` (case-insensitive, as DNS names are) in `mesh`.
  public func service(named name: String, inMesh mesh: Int) -> Int? {
    virtualServices.firstIndex { $0.mesh == mesh && $0.name.lowercased() == name.lowercased() }
  }

  /// The ports a virtual service answers on: its provider node's or router's listener ports.
  /// The port of the first listener of `service`'s provider (`providerListeners(of:).first`),
  /// without building the list.
  public func firstProviderPort(of service: Int) -> Int? {
    switch virtualServices[service].provider {
    case .none: return nil
    case .virtualNode(let node): return virtualNodes[node].listeners.first?.port
    case .virtualRouter(let router): return virtualRouters[router].listeners.first?.port
    }
  }

  public func providerListeners(of service: Int) -> [(port: Int, protocolName: AppMeshProtocol)] {
    switch virtualServices[service].provider {
    case .none: return []
    case .virtualNode(let node):
      return virtualNodes[node].listeners.map { ($0.port, $0.protocolName) }
    case .virtualRouter(let router):
      return virtualRouters[router].listeners.map { ($0.port, $0.protocolName) }
    }
  }

  /// The names a node is discovered under (DNS host name, or `service.namespace` for Cloud Map):
  /// what a server certificate's SANs must match (AWS behaviour §1.9).
  public func discoveryNames(of node: Int) -> [String] {
    switch virtualNodes[node].discovery {
    case .dns(let hostname, _): return [hostname.lowercased()]
    case .cloudMap(_, let namespace, let service, _):
      return ["\(service).\(namespace)".lowercased()]
    case nil: return []
    }
  }
}
