/// The egress filter of App Mesh, as Envoy's egress listener applies it (AWS behaviour §1.3,
/// §1.11, §6 C4, §7 items 1–5, 11):
///
/// 1. a request whose Host (HTTP) or SNI (TLS) names a declared backend is routed to it when the
///    provider listens on the port; a backend without provider answers 503;
/// 2. `*.amazonaws.com` is always allowed when the name is visible (HTTP Host, TLS SNI);
/// 3. a declared backend whose provider has a TCP listener on the destination port takes the
///    connection whatever the name (TCP is routed by port only);
/// 4. anything else passes through under `ALLOW_ALL` — unless the node declares any backend, in
///    which case only HTTP on a port where a declared backend has an HTTP listener still falls
///    back to the allow-all cluster (howto-k8s-egress: with backend `blue` declared, `red` on the
///    same port answers under ALLOW_ALL); every other undeclared destination is refused — the
///    documented "a node with backends must declare all its egress" caveat (§6, AM-MESH);
/// 5. otherwise it is refused: 404 when the port has an HTTP filter chain (some backend listens
///    there with HTTP), a closed connection when it has none.
public enum MeshEgressFilter {
  public static func decide(
    config: AppMeshConfiguration, node: Int, scheme: String, host: String, port: Int
  )
    -> MeshEgressDecision
  {
    let virtualNode = config.virtualNodes[node]
    let nameVisible = scheme == "http" || scheme == "https"
    let speaksHTTP = scheme == "http"
    let name = host.lowercased()
    var declaredElsewhere: Int?
    if nameVisible, let service = declaredBackend(named: name, of: virtualNode, in: config) {
      if let decision = route(toBackend: service, named: name, port: port, in: config) {
        return decision
      }
      declaredElsewhere = service
    }
    if nameVisible && (name.hasSuffix(".amazonaws.com") || name == "amazonaws.com") {
      return .passthrough(
        reason: "\(name) is an AWS API endpoint (*.amazonaws.com is always allowed)")
    }
    for backend in virtualNode.backends
    where config.providerListeners(of: backend.service).contains(where: {
      $0.port == port && $0.protocolName == .tcp
    }) {
      return .route(
        service: backend.service, port: port,
        reason:
          "port \(port) is the TCP listener of backend \(config.virtualServices[backend.service].name) (TCP is routed by port)"
      )
    }
    let mesh = config.meshes[virtualNode.mesh]
    if mesh.egressFilter == .allowAll && virtualNode.backends.isEmpty {
      return .passthrough(
        reason:
          "mesh \(mesh.name) egress filter ALLOW_ALL: undeclared destination passes through (mesh-allow-all)"
      )
    }
    let httpChain = virtualNode.backends.contains { backend in
      config.providerListeners(of: backend.service).contains {
        $0.port == port && $0.protocolName.isHTTP
      }
    }
    if mesh.egressFilter == .allowAll && httpChain && speaksHTTP && declaredElsewhere == nil {
      return .passthrough(
        reason:
          "mesh \(mesh.name) egress filter ALLOW_ALL: no virtual host for \(name), the HTTP filter chain of port \(port) falls back to mesh-allow-all"
      )
    }
    if let service = declaredElsewhere {
      let ports = config.providerListeners(of: service).map { String($0.port) }.joined(
        separator: ", ")
      let reason =
        "virtual service \(config.virtualServices[service].name) listens on \(ports), not \(port)"
      return httpChain && speaksHTTP
        ? .notFound(
          disposition: .noMatchingRoute,
          reason: "\(reason): no virtual host for \(name):\(port) (404 NR)")
        : .closed(
          disposition: .connectionClosed,
          reason: "\(reason): no matching filter chain for port \(port)")
    }
    let why =
      mesh.egressFilter == .allowAll
      ? "ALLOW_ALL does not apply: node \(virtualNode.name) declares backends, so every destination must be one"
      : "mesh \(mesh.name) egress filter DROP_ALL: \(nameVisible ? name : "tcp") is not a backend of \(virtualNode.name)"
    return httpChain && speaksHTTP
      ? .notFound(
        disposition: .deniedByMeshEgressFilter,
        reason: "\(why); no virtual host for \(name):\(port) (404 NR)")
      : .closed(
        disposition: .deniedByMeshEgressFilter,
        reason: "\(why); no filter chain for port \(port): connection closed")
  }

  /// The declared backend (virtual service index) whose name the request's Host or SNI is.
  static func declaredBackend(
    named name: String, of node: VirtualNode, in config: AppMeshConfiguration
  )
    -> Int?
  {
    node.backends.first { config.virtualServices[$0.service].name.lowercased() == name }?.service
  }

  /// Step 1 for a backend named by the request: 503 without a provider, routed when the provider
  /// listens on `port`; nil when it listens elsewhere.
  static func route(
    toBackend service: Int, named name: String, port: Int, in config: AppMeshConfiguration
  ) -> MeshEgressDecision? {
    if config.virtualServices[service].provider == .none { return .noProvider(service: service) }
    guard config.providerListeners(of: service).contains(where: { $0.port == port }) else {
      return nil
    }
    return .route(
      service: service, port: port,
      reason: "Host \(name) is backend virtual service \(config.virtualServices[service].name)")
  }
}
