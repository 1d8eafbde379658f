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
  /// The gateway's listener and route table on `port` as of `listenerRevision`.
  private var listener = MeshListenerSnapshot(nil)
  private var routeTable: RouteTable<Int>?
  private var listenerRevision = -1
  /// Whether a client sending plaintext, and one sending TLS, fails the listener's handshake
  /// (read once per revision, so that a request tests a flag instead of copying a handshake).
  private var plaintextFails = false
  private var tlsFails = false
  /// Recent routing decisions, reused for the next request that shares a head.
  private let decisions = GatewayDecisionMemo()

  /// Reads the gateway's listener and route table again after a configuration change.
  @inline(__always)
  private func refreshListener() {
    guard listenerRevision != plane.revision else { return }
    listener = MeshListenerSnapshot(plane.config.virtualGateways[gateway].listener(port: port))
    routeTable = plane.config.virtualGateways[gateway].routeListener(port: port)?.table
    listenerRevision = plane.revision
    if case .failed = listener.handshake(usesTLS: false) { plaintextFails = true } else { plaintextFails = false }
    if case .failed = listener.handshake(usesTLS: true) { tlsFails = true } else { tlsFails = false }
  }

  /// `processingTime`: the simulation's `gateway` setting.
  init(
    task: TaskActor, gateway: Int, port: Int, plane: AppMeshControlPlane, state: EnvoyClusterState,
    processingTime: SimDuration
  ) {
    self.task = task
    self.gateway = gateway
    self.port = port
    super.init(
      name: "envoy \(task.name) virtual gateway :\(port)", interface: task.interface, ownNames: [],
      plane: plane, state: state, processingTime: processingTime)
  }

  override var groupName: String { task.groupName }
  override var nodeKind: TopologyNode.Kind { .gateway }

  override func handleRequest(_ e: Int32, in world: World) {
    guard task.state == .running || task.state == .stopping else {
      world.note(e, name, .failed, "task is \(task.state.rawValue): connection refused")
      world.reply(e, .failure(.connectionRefused))
      return
    }
    refreshListener()
    guard listener.exists else {
      world.note(
        e, name, .failed,
        "virtual gateway \(plane.config.virtualGateways[gateway].name) has no listener on port \(port): connection closed")
      world.reply(e, .failure(.connectionClosed))
      return
    }
    // An untraced request decided like a recent one is sent the same way (a traced one is
    // decided afresh, so that its notes are written).
    // The head through one checked slot address, kept for the known request's send below
    // (nothing on the way there opens an exchange).
    let incoming = world.exchanges.slot(e)
    let known = world.isTraced(e) ? nil : decisions.lookup(incoming.pointee.head, revision: plane.revision)
    // Whether the client sends TLS matters only when a handshake of either kind fails.
    if plaintextFails || tlsFails {
      let usesTLS = known.map(decisions.inputUsesTLS) ?? (incoming.pointee.head.scheme == "https")
      if usesTLS ? tlsFails : plaintextFails, case .failed(let reason) = listener.handshake(usesTLS: usesTLS) {
        world.note(e, name, .denied, "TLS handshake fails: \(reason)")
        world.reply(e, .failure(.tlsHandshakeFailed))
        return
      }
    }
    if world.isTraced(e) {
      let head = world.exchanges[e].head
      world.note(
        e, name, .received,
        "\(head.method) \(head.target) (Host: \(head.host)) on virtual gateway \(plane.config.virtualGateways[gateway].name) listener \(listener.protocolName.rawValue) :\(port)\(listener.tlsLabel)"
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
    // The listener is current and the memo was consulted just above.
    send(e, at: incoming, known: known, in: world)
  }

  /// A request the connection pool queued, let through now: sent as the memo says when it
  /// knows the request at the current revision, or decided afresh.
  func route(_ e: Int32, in world: World) {
    refreshListener()
    let incoming = world.exchanges.slot(e)
    let known = world.isTraced(e) ? nil : decisions.lookup(incoming.pointee.head, revision: plane.revision)
    send(e, at: incoming, known: known, in: world)
  }

  /// Sends `e` (at slot address `incoming`), which the connection pool lets through, once the
  /// listener is current: as decision `known` of the memo says, or decided afresh (`decide`)
  /// when the memo does not know the request (nil). Inlined: the common path of `handleRequest`.
  @inline(__always)
  private func send(_ e: Int32, at incoming: UnsafeMutablePointer<Exchange>, known: Int?, in world: World) {
    pool.start()
    guard let known else { return decide(e, in: world) }
    forwardAsDecided(
      e, known, sourceAddress: incoming.pointee.head.sourceAddress, generation: incoming.pointee.generation,
      in: world)
  }

  /// Matches gateway routes, applies the rewrite and forwards to the target virtual service,
  /// remembering the decision for the next request that shares the head.
  private func decide(_ e: Int32, in world: World) {
    let input = world.exchanges[e].head
    var head = input
    head.port = port
    MeshPathNormalization.normalizePath(of: &head)
    guard let table = routeTable,
      let index = matchRoute(
        e, table: table, head: head, scope: .virtualGateway(gateway), in: world)
    else {
      finish(e, .localReply(404, .noMatchingRoute), in: world)
      return
    }
    let traced = world.isTraced(e)
    // Unretained: the plane holds its facts until the next revision, which only an event of its
    // own installs, never a call made while routing.
    let facts = Unmanaged.passUnretained(plane.facts)
    let route = facts._withUnsafeGuaranteedRef { $0.gatewayRoutes[index] }
    let service = route.service
    let originalPath = traced ? head.target : ""
    let originalHost = traced ? head.host : ""
    if let newPath = route.rewrite(head.path) { head.path = newPath }
    if route.rewritesHost {
      head.host = plane.config.virtualServices[service].name
      if head.headers.contains("host") { head.headers.set("Host", plane.config.virtualServices[service].name) }
    }
    if traced {
      let serviceName = plane.config.virtualServices[service].name
      let pathChange =
        originalPath == head.target
        ? "path \(head.target) kept" : "path \(originalPath) → \(head.target)"
      let hostChange =
        route.rewritesHost
        ? "Host \(originalHost) → \(serviceName)"
        : "Host \(originalHost) kept (defaultTargetHostname DISABLED)"
      world.note(
        e, name, .matched,
        "\(plane.config.gatewayRoutes[index].label) → virtual service \(serviceName); rewrite: \(pathChange), \(hostChange)")
    }
    guard let targetPort = route.targetPort ?? facts._withUnsafeGuaranteedRef({ $0.firstProviderPorts[service] })
    else {
      world.note(e, name, .failed, "virtual service \(plane.config.virtualServices[service].name) has no provider: 503")
      finish(e, .localReply(503, .noProvider), in: world)
      return
    }
    let clientPolicy = facts._withUnsafeGuaranteedRef { $0.gatewayBackendDefaults[gateway] }
    let decision = decisions.remember(
      input, keysOnPeer: facts._withUnsafeGuaranteedRef { $0.routeTablesReadPeerAddress }, as: head,
      gatewayRoute: index, service: service, targetPort: targetPort, clientPolicy: clientPolicy,
      revision: plane.revision)
    let routerRoute = forward(
      e, service: service, port: targetPort, head: consume head, clientPolicy: clientPolicy, in: world)
    decisions.setRouterRoute(routerRoute, at: decision)
  }

  /// Sends `e` as decision `known` of the memo says (the gateway route's rewrite, to its target
  /// port and, when known, by the router route the rewritten head matches). `sourceAddress` and
  /// `generation`: `e`'s peer address and generation, which the caller has read. Inlined: the
  /// common path of `handleRequest`.
  @inline(__always)
  private func forwardAsDecided(
    _ e: Int32, _ known: Int, sourceAddress: UInt32?, generation: UInt32, in world: World
  ) {
    var head = decisions.output(known, sourceAddress: sourceAddress)
    let send = decisions.forwarding(known)
    guard send.routerRoute >= 0 else {
      forward(
        e, service: send.service, port: head.port, head: head, pathIsNormal: send.pathIsNormal,
        clientPolicy: send.clientPolicy, in: world)
      return
    }
    if !send.pathIsNormal { MeshPathNormalization.normalizePath(of: &head) }
    forward(
      e, generation: generation, routerRoute: send.routerRoute, head: consume head, clientPolicy: send.clientPolicy,
      in: world)
  }

  override func callFinished(_ e: Int32, in world: World) {
    if let next = pool.finish(in: world) { route(next, in: world) }
  }
}
