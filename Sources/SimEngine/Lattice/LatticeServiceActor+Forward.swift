import NetworkModel
import RouteMatching
import SimKernel

/// Forwarding: pick a target group by weight (per request), a target that receives traffic
/// (round robin), and open the upstream connection from Lattice's address in the target's VPC.
extension LatticeServiceActor {
  func forward(
    _ e: Int32, groups: [LatticeWeightedTargetGroup], listener: LatticeListener, in world: World
  ) {
    let choice = WeightedChoice(groups.map { (element: $0, weight: $0.weight) })
    let draw = UInt64(world.random(id, below: choice.totalWeight))
    guard let picked = choice.pick(randomValue: draw) else { return }
    let group = picked.targetGroup
    // The group's name only for the notes (traced requests), not a copy of the whole group.
    var targetGroup: LatticeTargetGroup { dataPlane.lattice.targetGroups[group] }
    let vpc = dataPlane.lattice.targetGroups[group].vpc
    if groups.count > 1 {
      world.note(
        e, name, .forwarded,
        "forward: target group '\(targetGroup.name)' (weight \(picked.weight) of \(choice.totalWeight))"
      )
    }
    let registered = dataPlane.targets.groups[group]
    guard let target = dataPlane.targets.pick(group: group) else {
      if registered.isEmpty {
        world.note(
          e, name, .failed, "target group '\(targetGroup.name)' has no registered target: 503")
        world.reply(e, .localReply(503, .noRegisteredTarget))
      } else {
        let states = registered.map { "\($0.label) \($0.health.rawValue)" }.joined(separator: ", ")
        world.note(
          e, name, .failed,
          "no target of '\(targetGroup.name)' receives traffic (\(states)); Lattice does not fail open: 503"
        )
        world.reply(e, .localReply(503, .noHealthyTarget))
      }
      return
    }
    var address = target.address
    if case .loadBalancer(let reference) = target.kind {
      address = loadBalancerAddress(reference, vpc: vpc, in: world)
    }
    guard let address else {
      world.note(e, name, .failed, "cannot resolve load balancer target \(target.label): 503")
      world.reply(e, .localReply(503, .noHealthyTarget))
      return
    }
    let source = dataPlane.sourceInterface(
      vpc: vpc, toward: world.addressBook[address], in: world)
    world.note(
      e, name, .forwarded,
      "target group '\(targetGroup.name)' (\(registered.filter { $0.health.receivesTraffic }.count) of \(registered.count) targets receive traffic): sends to \(target.label) [\(target.health.rawValue)] from \(IPv4Address(world.interfaces[Int(source)].address))"
    )
    var upstream = world.exchanges[e].head
    upstream.port = target.port
    switch dataPlane.lattice.targetGroups[group].targetProtocol {
    case .http: upstream.scheme = "http"
    case .https: upstream.scheme = "https"
    case .tcp: break
    }
    let passthrough = listener.listenerProtocol == .tlsPassthrough
    let child = world.connect(
      from: source, caller: id, to: address, port: target.port, head: upstream, parent: e,
      request: world.exchanges[e].request,
      timeout: passthrough
        ? LatticeServiceActor.passthroughLimit : LatticeServiceActor.upstreamTimeout)
    world.exchanges[e].calleeContext = Int64(child)
    if world.exchanges[child].pendingFailure != nil {
      let tag = TimerTag(
        kind: LatticeServiceActor.connectTimeoutKind, exchange: e,
        generation: world.exchanges[e].generation)
      world.startTimer(id, after: LatticeServiceActor.connectTimeout, for: tag)
    }
  }

  /// Addresses of an ALB target: by DNS name through the world's DNS, else through the load
  /// balancer section's resolver.
  func loadBalancerAddress(_ reference: String, vpc: Int, in world: World) -> UInt32? {
    if !reference.hasPrefix("arn:"),
      let answer = world.authoritativeAnswer(reference, fromVPC: vpc, asker: id),
      !answer.addresses.isEmpty
    {
      return answer.addresses[world.random(id, below: answer.addresses.count)]
    }
    guard let addresses = dataPlane.loadBalancerAddresses?(reference, world), !addresses.isEmpty
    else { return nil }
    return addresses[world.random(id, below: addresses.count)]
  }

  /// The connection to a target whose packets are dropped never completes: answer 503 naming
  /// why (the target's security groups, usually).
  func connectTimedOut(_ tag: Int64, in world: World) {
    let timer = TimerTag(tag)
    guard timer.kind == LatticeServiceActor.connectTimeoutKind, timer.isCurrent(in: world) else {
      return
    }
    let e = timer.exchange
    let child = Int32(truncatingIfNeeded: world.exchanges[e].calleeContext)
    let disposition = world.exchanges[child].pendingFailure?.disposition ?? .timedOut
    world.note(
      e, name, .failed,
      "no connection to the target within \(LatticeServiceActor.connectTimeout) (\(disposition.rawValue)): answers 503"
    )
    world.reply(e, .localReply(503, disposition))
  }

  /// The target's answer (or failure) goes back to the client.
  func upstreamAnswered(_ upstream: Int32, in world: World) {
    let child = world.exchanges[upstream]
    let parent = child.parent
    guard world.isWaiting(parent, generation: child.parentGeneration) else { return }
    let response = child.response
    if response.status > 0 {
      world.note(parent, name, .returned, "passes the target's answer \(response.status) back")
      world.reply(parent, response)
      return
    }
    // Only passthrough connections wait that long (HTTP upstreams give up at 60 s).
    if response.disposition == .timedOut
      && world.now - child.startedAt >= LatticeServiceActor.passthroughLimit
    {
      world.note(parent, name, .failed, "TLS passthrough connection cut at the 10-minute limit")
      world.reply(parent, .failure(.connectionClosed))
      return
    }
    let status: Int
    switch response.disposition {
    case .timedOut: status = 504
    case .connectionRefused, .connectionClosed: status = 502
    default: status = 503
    }
    world.note(
      parent, name, .answered, "target failed (\(response.disposition.rawValue)): answers \(status)"
    )
    world.reply(parent, .localReply(status, response.disposition))
  }
}
