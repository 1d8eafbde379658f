import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// One listener of a virtual gateway's standalone Envoy (a task whose Envoy container runs as a
/// virtual gateway, usually behind an NLB). It terminates TLS as the gateway listener says,
/// applies the listener's connection pool, matches gateway routes (priority, then longest
/// prefix), rewrites the request — by default the matched prefix becomes `/` and the Host header
/// the target virtual service name — and sends it to the virtual service with the gateway's
/// `backendDefaults` client policy (AWS behaviour §1.8, §7 items 19–20).
final class VirtualGatewayActor: EnvoyProxyActor {
  let task: TaskActor
  let gateway: Int
  let port: Int
  var pool = ConnectionPoolQueue()

  init(
    task: TaskActor, gateway: Int, port: Int, plane: AppMeshControlPlane, state: EnvoyClusterState
  ) {
    self.task = task
    self.gateway = gateway
    self.port = port
    super.init(
      name: "envoy \(task.name) virtual gateway :\(port)", interface: task.interface, ownNames: [],
      plane: plane, state: state)
  }

  override var groupName: String { task.groupName }
  override var nodeKind: TopologyNode.Kind { .gateway }

  override func processingDelay(_ world: World) -> SimDuration { world.model.settings.gateway }

  override func handleRequest(_ e: Int32, in world: World) {
    let virtualGateway = plane.config.virtualGateways[gateway]
    guard task.state == .running || task.state == .stopping else {
      world.note(e, name, .failed, "task is \(task.state.rawValue): connection refused")
      world.reply(e, .failure(.connectionRefused))
      return
    }
    guard let listener = virtualGateway.listener(port: port) else {
      world.note(
        e, name, .failed,
        "virtual gateway \(virtualGateway.name) has no listener on port \(port): connection closed")
      world.reply(e, .failure(.connectionClosed))
      return
    }
    let head = world.exchanges[e].head
    let tls = TLSNegotiation.nonMeshClient(usesTLS: head.scheme == "https", server: listener.tls)
    if case .failed(let reason) = tls {
      world.note(e, name, .denied, "TLS handshake fails: \(reason)")
      world.reply(e, .failure(.tlsHandshakeFailed))
      return
    }
    if world.isTraced(e) {
      let mode = listener.tls.map { " (TLS \($0.mode.rawValue))" } ?? ""
      world.note(
        e, name, .received,
        "\(head.method) \(head.target) (Host: \(head.host)) on virtual gateway \(virtualGateway.name) listener \(listener.protocolName.rawValue) :\(port)\(mode)"
      )
    }
    let limits = listener.connectionPool
    switch pool.admit(e, limits: limits, in: world) {
    case .serve: break
    case .queue:
      return
    case .overflow:
      world.note(
        e, name, .failed, "connection pool overflow (\(limits?.maxActive ?? 0) active): 503")
      world.reply(e, .localReply(503, .overflow), after: processingDelay(world))
      return
    }
    route(e, in: world)
  }

  /// Matches gateway routes, applies the rewrite and forwards to the target virtual service.
  func route(_ e: Int32, in world: World) {
    pool.start()
    let config = plane.config
    let virtualGateway = config.virtualGateways[gateway]
    var head = world.exchanges[e].head
    head.port = port
    head.path = MeshPathNormalization.normalize(head.path)
    guard let table = virtualGateway.routeListener(port: port)?.table,
      let index = matchRoute(
        e, table: table, head: head, scope: "virtual gateway \(virtualGateway.name)", in: world)
    else {
      finish(e, .localReply(404, .noMatchingRoute), in: world)
      return
    }
    let route = config.gatewayRoutes[index]
    let service = config.virtualServices[route.service]
    let originalPath = head.target
    let originalHost = head.host
    head.path = route.pathRewrite.apply(to: head.path)
    if route.rewritesHost {
      head.host = service.name
      if head.headers.contains("host") { head.headers.set("Host", service.name) }
    }
    if world.isTraced(e) {
      let pathChange =
        originalPath == head.target
        ? "path \(head.target) kept" : "path \(originalPath) → \(head.target)"
      let hostChange =
        route.rewritesHost
        ? "Host \(originalHost) → \(service.name)"
        : "Host \(originalHost) kept (defaultTargetHostname DISABLED)"
      world.note(
        e, name, .matched,
        "\(route.label) → virtual service \(service.name); rewrite: \(pathChange), \(hostChange)")
    }
    let ports = config.providerListeners(of: route.service).map(\.port)
    guard let targetPort = route.targetPort ?? ports.first else {
      world.note(e, name, .failed, "virtual service \(service.name) has no provider: 503")
      finish(e, .localReply(503, .noProvider), in: world)
      return
    }
    forward(
      e, service: route.service, port: targetPort, head: head,
      clientPolicy: virtualGateway.backendDefaults, in: world)
  }

  override func callFinished(_ e: Int32, in world: World) {
    if let next = pool.finish(in: world) { route(next, in: world) }
  }
}
