import NetworkModel
import RouteMatching
import SimKernel

/// One node of a load balancer: its ENI in one subnet (Availability Zone), listening on every
/// listener port. Clients reach a node through the load balancer's DNS name; the node routes
/// each request (ALB: listener rules) or connection (NLB) to a target of a target group, using
/// the target health kept by the ``LoadBalancingPlane``.
public final class LoadBalancerNodeActor: SimActor {
  /// The plane this node routes with. A strong, immutable reference: reading through it needs
  /// no retain per use. (The plane refers back to its nodes without owning them, so there is no
  /// cycle.)
  let plane: LoadBalancingPlane
  public let balancer: Int
  public let subnet: Int
  public let zone: String
  /// `zone` as numbered by the plane (``LoadBalancingPlane/zoneNumber(of:)``).
  let zoneNumber: Int32
  public internal(set) var interface: Int32 = -1
  /// The node's round-robin cursor for each target group (by index; grown on first use).
  var cursors: [RoundRobinCursor] = []
  /// What this node picks among in each target group, until the plane's targets change.
  var pools = TargetPools()
  /// The listener last found for a port, and the plane's listener revision then.
  private var listenerMemo: (revision: UInt64, port: Int, listener: Int?) = (.max, -1, nil)
  /// The dotted text of the last client address written into `X-Forwarded-For`: most
  /// requests come from the same few clients, so the text is formatted once per client change.
  var clientAddressText: (address: UInt32, text: String)?
  /// The decimal text of the last listener port written into `X-Forwarded-Port`.
  var listenerPortText: (port: Int, text: String)?
  static let connectTimeoutKind = 1
  /// ALB gives up connecting to a target after 10 s (aws-behaviour §5.2).
  static let connectTimeout = SimDuration.seconds(10)

  init(plane: LoadBalancingPlane, balancer: Int, subnet: Int, zone: String, zoneNumber: Int32, name: String) {
    self.plane = plane
    self.balancer = balancer
    self.subnet = subnet
    self.zone = zone
    self.zoneNumber = zoneNumber
    self.kind = plane.loadBalancers[balancer].kind
    super.init(name: name)
  }

  public override var nodeKind: TopologyNode.Kind { .loadBalancer }

  public override var groupName: String {
    let lb = plane.loadBalancers[balancer]
    return "\(lb.kind == .application ? "ALB" : "NLB") \(lb.name)"
  }

  var loadBalancer: LoadBalancer { plane.loadBalancers[balancer] }
  /// ALB or NLB (fixed for the run).
  let kind: LoadBalancer.Kind

  public override func handleRequest(_ e: Int32, in world: World) {
    let port = world.exchanges[e].head.port
    guard let listener = listener(forPort: port) else {
      world.note(
        e, name, .failed,
        "\(loadBalancer.label) has no listener on port \(port) any more: connection refused")
      world.reply(e, .failure(.connectionRefused))
      return
    }
    switch kind {
    case .application: routeRequest(e, listener: listener, in: world)
    case .network: routeConnection(e, listener: listener, in: world)
    }
  }

  /// The load balancer's listener on `port` now (``LoadBalancingPlane/listener(of:port:)``),
  /// looked up again only when the port or the plane's listeners changed.
  @inline(__always)
  func listener(forPort port: Int) -> Int? {
    let revision = plane.listenerRevision
    if listenerMemo.revision == revision && listenerMemo.port == port { return listenerMemo.listener }
    let listener = plane.listener(of: balancer, port: port)
    listenerMemo = (revision, port, listener)
    return listener
  }

  /// Forwards exchange `e`, of request `request`, to target `target` with `head`; returns the
  /// upstream exchange, whose `callerContext` names the target (see `handleResponse`). A nil
  /// `head` forwards `e`'s head unchanged, moved to the upstream exchange (layer 4: nothing reads
  /// `e`'s head again, see `World.connect(from:caller:to:port:forwardingHeadOf:…)`).
  @discardableResult
  @inline(__always)
  func sendToTarget(
    _ e: Int32, to target: Int, head: consuming RequestHead?, request: Int32, timeout: SimDuration,
    presentedSource: UInt32?, in world: World
  ) -> Int32 {
    let (address, port) = plane.forwarding(to: target)
    guard let head else {
      return world.connect(
        from: interface, caller: id, to: address, port: port, forwardingHeadOf: e, request: request, timeout: timeout,
        callerContext: Int64(target), presentedSource: presentedSource)
    }
    return world.connect(
      from: interface, caller: id, to: address, port: port, head: head, parent: e, request: request, timeout: timeout,
      callerContext: Int64(target), presentedSource: presentedSource)
  }

  public override func handleResponse(_ upstream: Int32, in world: World) {
    // The upstream exchange's fields, read through one checked slot address.
    let exchange = world.exchanges.slot(upstream)
    plane.answered(by: Int(exchange.pointee.callerContext))
    let parent = exchange.pointee.parent
    guard world.isWaiting(parent, generation: exchange.pointee.parentGeneration) else { return }
    let response = exchange.pointee.response
    switch kind {
    case .application: answerFromTarget(parent, response, in: world)
    case .network:
      world.note(
        parent, name, .returned,
        response.status > 0
          ? "passes the target's answer \(response.status) back"
          : "the target connection ended without an answer (\(response.disposition.rawValue))"
      )
      world.reply(parent, response, after: world.model.settings.loadBalancer)
    }
  }

  public override func handleTimer(_ tag: Int64, in world: World) {
    let timer = TimerTag(tag)
    guard timer.kind == Self.connectTimeoutKind, timer.isCurrent(in: world) else { return }
    let e = timer.exchange
    let upstream = Int32(truncatingIfNeeded: world.exchanges[e].calleeContext)
    let disposition = world.exchanges[upstream].pendingFailure?.disposition ?? .timedOut
    world.note(
      e, name, .answered,
      "no connection to the target within \(Self.connectTimeout) (\(disposition.rawValue)): answers 504"
    )
    world.reply(
      e, Response(status: 504, disposition: disposition), after: world.model.settings.loadBalancer)
  }
}
