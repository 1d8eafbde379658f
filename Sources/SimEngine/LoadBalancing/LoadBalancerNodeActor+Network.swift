import NetworkModel
import RouteMatching
import SimKernel

/// The NLB part of a node: one target per connection by flow hash, within the node's zone unless
/// cross-zone load balancing is on, with or without the client's address preserved
/// (aws-behaviour §5.4). The NLB does not look into requests and generates no HTTP errors.
extension LoadBalancerNodeActor {
  /// NLB TCP idle timeout (fixed at 350 s).
  static let networkIdleTimeout = SimDuration.seconds(350)

  func routeConnection(_ e: Int32, listener index: Int, in world: World) {
    // The client's exchange read through one checked slot address: nothing below opens an
    // exchange before the forward reads its request. Layer 4: the head goes on to the target
    // unchanged, moved (`sendToTarget` with no head), as nothing reads the client's exchange's
    // head again.
    let downstream = world.exchanges.slot(e)
    let client = downstream.pointee.sourceAddress
    world.note(
      e, name, .received,
      "\(plane.listeners[index].label) of \(loadBalancer.label) accepts a connection from \(IPv4Address(client))")
    guard let group = plane.forwardGroups[index] else {
      world.reply(e, .failure(.connectionRefused))
      return
    }
    var groupName: String { plane.targetGroups[group].name }
    let (target, failOpen): (Int, Bool)
    switch plane.pickTarget(group: group, node: self, in: world) {
    case .target(let picked, let open):
      (target, failOpen) = (picked, open)
    case .noTarget:
      world.note(
        e, name, .failed,
        "target group '\(groupName)' has no registered target this node can use"
          + (plane.crossZone(group: group, balancer: balancer)
            ? "" : " in \(zone) (cross-zone load balancing is off)")
          + ": connection reset")
      world.reply(e, .failure(.noRegisteredTarget), after: world.model.settings.loadBalancer)
      return
    case .noHealthyTargetInZone:
      world.note(
        e, name, .failed,
        "target group '\(groupName)' has no healthy target in \(zone) and cross-zone load "
          + "balancing is off (this node is out of DNS; the client used a cached answer): connection reset"
      )
      world.reply(e, .failure(.noHealthyTarget), after: world.model.settings.loadBalancer)
      return
    }
    let preserve = plane.preservesClientIP(group: group)
    if world.isTraced(e) {
      let chosen = plane.targets[target]
      let health = chosen.state.rawValue + (failOpen ? ", failing open: no healthy target" : "")
      let seen =
        preserve
        ? "\(IPv4Address(client)) (client IP preserved)"
        : "the node's \(IPv4Address(world.interfaces[Int(interface)].address))"
      world.note(
        e, name, .forwarded,
        "flow hash picks target \(chosen.label) of '\(groupName)' (\(health), \(chosen.zone ?? "all zones")); "
          + "the target sees source \(seen)")
    }
    if preserve && plane.address(of: target) == client {
      world.note(
        e, name, .failed,
        "the target is the client itself: with client IP preservation the reply never returns (hairpin); "
          + "the connection times out")
      world.drop(e, .timedOut)
      return
    }
    let upstream = sendToTarget(
      e, to: target, head: nil, request: downstream.pointee.request,
      timeout: Self.networkIdleTimeout, presentedSource: preserve ? client : nil, in: world)
    // The new exchange's fields through one checked slot address.
    let opened = world.exchanges.slot(upstream)
    if opened.pointee.answered, let dropped = opened.pointee.pendingFailure {
      // Layer 4: the target's drop is the client's drop; it learns only from its own timeout.
      world.drop(e, dropped.disposition)
    }
  }
}
