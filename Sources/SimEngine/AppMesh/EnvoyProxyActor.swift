import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// The upstream half of an App Mesh Envoy, shared by sidecar egress listeners and virtual
/// gateways: it sends a request to a virtual service through its provider — a virtual node, or
/// a virtual router whose routes pick a weighted target per request — then to one endpoint of
/// that node, with App Mesh's timeouts, retries, outlier detection and TLS origination
/// (AWS behaviour §1.5–§1.11).
///
/// * Route table: first match in App Mesh precedence; no match is a 404 (`NR`).
/// * Timeout: the route's `perRequest` (15 s default; a virtual-node provider uses its listener
///   timeout); expiry is a 504. Retries happen inside it.
/// * Retries: the route's policy, else App Mesh's hidden default (2 retries on 503 and resets),
///   with Envoy's jittered backoff; the weighted target is chosen once per request.
/// * Endpoints: Cloud Map instances or the Envoy's own DNS resolution; hosts failing health
///   checks or ejected are skipped unless fewer than half are left (panic: all are used);
///   round robin among the rest. No endpoint at all is a 503.
/// * TLS: decided with the target listener before the request is sent; a failed handshake is a
///   connection failure (503 after retries) for that target only.
class EnvoyProxyActor: SimActor {
  let plane: AppMeshControlPlane
  let state: EnvoyClusterState
  /// The ENI the Envoy's upstream connections leave from (its task's).
  public let interface: Int32
  /// Names the Envoy's own certificate is valid for (its node's discovery name).
  let ownNames: [String]
  /// Time this Envoy spends on a request (the simulation's `proxy` setting, or `gateway` for a
  /// virtual gateway), read once when the Envoy is attached.
  let processingTime: SimDuration

  static let requestTimeoutKind = 1
  static let retryKind = 2
  /// How long a request may wait when no per-request timeout applies (TCP, timeouts set to 0):
  /// App Mesh's default idle timeout, 300 s (AWS behaviour §6 C1).
  static let unlimited = SimDuration.seconds(300)

  init(
    name: String, interface: Int32, ownNames: [String], plane: AppMeshControlPlane,
    state: EnvoyClusterState, processingTime: SimDuration
  ) {
    self.plane = plane
    self.state = state
    self.interface = interface
    self.ownNames = ownNames
    self.processingTime = processingTime
    super.init(name: name)
  }

  /// Time this Envoy spends on a request (a stored value: no call through the class table).
  @inline(__always)
  final func processingDelay(_ world: World) -> SimDuration { processingTime }

  // MARK: - Routing to a virtual service

  /// Where a request to a virtual service goes: one target node listener, the retry policy that
  /// applies (an index in the current revision's `retryPolicies`: the route's, else App Mesh's
  /// default; -1 none), the request timeout (`.zero`: none) and the first attempt's timeout
  /// (`MeshRevisionFacts.firstAttemptTimeout`). Plain values only.
  struct UpstreamChoice {
    var target: MeshRoute.Target
    var retryPolicy: Int
    var timeout: SimDuration
    var firstAttemptTimeout: SimDuration
  }

  /// Sends downstream exchange `e` to virtual service `service` as reached on `port`, its path
  /// normalized first unless the caller knows it is normal already (`pathIsNormal`). Answers the
  /// route of the service's virtual router the request matched (-1: none, or a virtual-node
  /// provider), which decides alike for any head sharing this one's parts, port and peer.
  @discardableResult
  func forward(
    _ e: Int32, service: Int, port: Int, head: consuming RequestHead, pathIsNormal: Bool = false,
    clientPolicy: Int,
    in world: World
  ) -> Int {
    head.port = port
    if !pathIsNormal { MeshPathNormalization.normalizePath(of: &head) }
    let choice: UpstreamChoice?
    var routerRoute = -1
    switch plane.facts.providers[service] {
    case .none:
      world.note(e, name, .failed, "virtual service \(plane.config.virtualServices[service].name) has no provider: 503")
      finish(e, .localReply(503, .noProvider), in: world)
      return -1
    case .virtualNode(let node):
      choice = providerNode(e, node, service: plane.config.virtualServices[service], port: port, in: world)
    case .virtualRouter(let router):
      guard let matched = matchRouterRoute(e, router: router, head: head, in: world) else { return -1 }
      routerRoute = matched
      choice = routedTarget(e, route: matched, in: world)
    }
    // Without a choice the helper has answered the request.
    guard let choice else { return routerRoute }
    startCall(
      e, generation: world.exchanges[e].generation, head: consume head, choice: choice, clientPolicy: clientPolicy,
      in: world)
    return routerRoute
  }

  /// Sends downstream exchange `e`, at generation `generation`, by route `routerRoute` of a
  /// virtual router, which `head` (normalized, on the router's port) is known to match first:
  /// `forward` without matching. Inlined into the gateway's sending of a known request.
  @inline(__always)
  func forward(
    _ e: Int32, generation: UInt32, routerRoute: Int, head: consuming RequestHead, clientPolicy: Int,
    in world: World
  ) {
    guard let choice = routedTarget(e, route: routerRoute, in: world) else { return }
    startCall(e, generation: generation, head: consume head, choice: choice, clientPolicy: clientPolicy, in: world)
  }

  /// Starts the upstream call for `e` (at `generation`, its current one) to `choice`, with its
  /// request timeout, and its first attempt: `startAttempt(_:of:in:)` for a call just started,
  /// whose target, attempt number and remaining time are known here.
  @inline(__always)
  private func startCall(
    _ e: Int32, generation: UInt32, head: consuming RequestHead, choice: UpstreamChoice,
    clientPolicy: Int, in world: World
  ) {
    let call = plane.startCall(
      e, owner: id, generation: generation, target: choice.target,
      clientPolicy: clientPolicy, retryPolicy: choice.retryPolicy)
    // Held in an optional so that the closure below can move it on (a closure cannot consume a
    // captured parameter).
    var pending = Optional(head)
    call._withUnsafeGuaranteedRef { call in
      if choice.timeout > .zero {
        call.deadline = world.now + choice.timeout
        let tag = TimerTag(kind: Self.requestTimeoutKind, exchange: e, generation: call.generation)
        world.startTimer(id, after: choice.timeout, for: tag)
      }
      call.attempt = 1
      // `attemptTimeout(perRetry:remaining:)` for the route's per-retry and request timeouts,
      // decided once per revision.
      startAttempt(
        e, of: call, head: pending.take().unsafelyUnwrapped, to: choice.target, timeout: choice.firstAttemptTimeout,
        in: world)
    }
  }

  /// A virtual service provided by a virtual node: that node's listener on `port`, with its
  /// timeout; nil (answered: connection closed) when the node does not listen there.
  func providerNode(
    _ e: Int32, _ node: Int, service: VirtualService, port: Int, in world: World
  ) -> UpstreamChoice? {
    let virtualNode = plane.config.virtualNodes[node]
    guard let listener = virtualNode.listener(port: port) else {
      world.note(
        e, name, .failed,
        "virtual node \(virtualNode.name) has no listener on port \(port): connection closed")
      finish(e, .failure(.connectionClosed), in: world)
      return nil
    }
    world.note(
      e, name, .matched,
      "virtual service \(service.name) → provider virtual node \(virtualNode.name) (:\(port))")
    let facts = plane.facts
    let timeout = listener.protocolName == .tcp ? SimDuration.zero : listener.perRequestTimeout
    return UpstreamChoice(
      target: MeshRoute.Target(node: node, port: port, weight: 1), retryPolicy: facts.defaultRetryPolicy,
      timeout: timeout,
      firstAttemptTimeout: facts.firstAttemptTimeout(retryPolicy: facts.defaultRetryPolicy, timeout: timeout))
  }

  /// The first matching route of virtual router `index`'s listener on the head's port; nil when
  /// the request was answered instead (no listener: connection closed; no route: 404).
  func matchRouterRoute(_ e: Int32, router index: Int, head: RequestHead, in world: World) -> Int? {
    // Unretained: the plane holds its facts until the next revision, which only an event of its
    // own installs, never a call made while routing.
    let facts = Unmanaged.passUnretained(plane.facts)
    guard let table = facts._withUnsafeGuaranteedRef({ $0.table(router: index, port: head.port) }) else {
      world.note(
        e, name, .failed,
        "virtual router \(plane.config.virtualRouters[index].name) has no listener on port \(head.port): no matching filter chain, connection closed"
      )
      finish(e, .failure(.connectionClosed), in: world)
      return nil
    }
    guard
      let routeIndex = matchRoute(
        e, table: table, head: head, scope: .virtualRouter(index), in: world)
    else {
      finish(e, .localReply(404, .noMatchingRoute), in: world)
      return nil
    }
    return routeIndex
  }

  /// A weighted pick among the targets of router route `routeIndex`; nil when the request was
  /// answered instead (no weight: 503). Inlined into the two `forward`s (the choice is returned
  /// in registers instead of through memory); the rare branches stay out of line.
  @inline(__always)
  func routedTarget(_ e: Int32, route routeIndex: Int, in world: World) -> UpstreamChoice? {
    // Unretained: see `matchRouterRoute`.
    let facts = Unmanaged.passUnretained(plane.facts)
    let draw = world.randomSource(id).pointee.next()
    guard let target = facts._withUnsafeGuaranteedRef({ $0.pickTarget(route: routeIndex, randomValue: draw) })
    else {
      noTargetWithWeight(e, route: routeIndex, in: world)
      return nil
    }
    if world.isTraced(e) { noteWeightedPick(e, route: routeIndex, target: target, in: world) }
    return facts._withUnsafeGuaranteedRef {
      UpstreamChoice(
        target: target, retryPolicy: $0.routeRetryPolicies[routeIndex], timeout: $0.routeTimeouts[routeIndex],
        firstAttemptTimeout: $0.routeFirstAttemptTimeouts[routeIndex])
    }
  }

  /// Answers `e` when router route `routeIndex` has no target with weight above 0.
  @inline(never)
  private func noTargetWithWeight(_ e: Int32, route routeIndex: Int, in world: World) {
    world.note(e, name, .failed, "\(plane.config.routes[routeIndex].label) has no target with weight above 0: 503")
    finish(e, .localReply(503, .noHealthyTarget), in: world)
  }

  /// Notes the weighted pick of `target` among router route `routeIndex`'s targets (traced `e`).
  @inline(never)
  private func noteWeightedPick(_ e: Int32, route routeIndex: Int, target: MeshRoute.Target, in world: World) {
    let config = plane.config
    let weights = plane.facts.targets(ofRoute: routeIndex)
      .map { "\(config.virtualNodes[$0.node].name):\($0.weight)" }.joined(separator: ", ")
    world.note(
      e, name, .matched,
      "weighted pick \(config.virtualNodes[target.node].name) (port \(target.port)) among [\(weights)]"
    )
  }

  /// Whose route table a request is matched against, named in traced requests' notes.
  enum RouteTableScope {
    case virtualGateway(Int)
    case virtualRouter(Int)
  }

  /// The first route of `table` that matches, noted hop by hop when traced (the scope is
  /// passed as indices, so an untraced request builds no name and no closure).
  @inline(__always)
  func matchRoute(
    _ e: Int32, table: RouteTable<Int>, head: RequestHead, scope: RouteTableScope, in world: World
  ) -> Int? {
    guard world.isTraced(e) else {
      if let index = table.firstMatchIndex(head) { return table.rules[index].action }
      return nil
    }
    return explainRoute(e, table: table, head: head, scope: scope, in: world)
  }

  /// `matchRoute` for a traced request: every rule evaluated is noted.
  func explainRoute(
    _ e: Int32, table: RouteTable<Int>, head: RequestHead, scope: RouteTableScope, in world: World
  ) -> Int? {
    let decision = table.explain(head)
    let scope =
      switch scope {
      case .virtualGateway(let gateway): "virtual gateway \(plane.config.virtualGateways[gateway].name)"
      case .virtualRouter(let router): "router \(plane.config.virtualRouters[router].name)"
      }
    for line in decision.lines { world.note(e, name, .matched, "\(scope): \(line)") }
    if decision.action == nil {
      world.note(
        e, name, .failed, "\(scope): nothing matches \(head.method) \(head.target): 404 (NR)")
    }
    return decision.action
  }

  /// Forwards `e` unchanged to the address the application chose (ALLOW_ALL, AWS APIs).
  func passthrough(_ e: Int32, address: UInt32, port: Int, in world: World) {
    let call = plane.startCall(
      e, owner: id, generation: world.exchanges[e].generation, passthrough: (address, port))
    call._withUnsafeGuaranteedRef {
      $0.head = world.exchanges[e].head
      startAttempt(e, of: $0, in: world)
    }
  }

  /// Answers downstream exchange `e` and forgets the call.
  func finish(_ e: Int32, _ response: Response, in world: World) {
    plane.endCall(e, of: id)
    world.reply(e, response, after: processingDelay(world))
    callFinished(e, in: world)
  }

  /// `finish` for a caller holding `call`, this Envoy's call under way for `e`: ends it directly
  /// instead of finding it in the plane again.
  func finish(_ e: Int32, _ response: Response, ending call: UpstreamCall, in world: World) {
    call.isActive = false
    world.reply(e, response, after: processingDelay(world))
    callFinished(e, in: world)
  }

  override func handleResponse(_ child: Int32, in world: World) {
    attemptFinished(child, in: world)
  }

  override func handleTimer(_ tag: Int64, in world: World) { timerFired(tag, in: world) }

  /// Hook for listeners that limit concurrent requests (virtual gateway connection pools).
  func callFinished(_ e: Int32, in world: World) {}
}
