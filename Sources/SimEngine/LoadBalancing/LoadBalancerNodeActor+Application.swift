import NetworkModel
import RouteMatching
import SimKernel

/// The ALB part of a node: listener rules, actions, `X-Forwarded-*` headers and the error codes
/// the load balancer generates (ALB troubleshooting guide; aws-behaviour §5.1, §5.3).
extension LoadBalancerNodeActor {
  /// Evaluates the listener's rules for exchange `e` and carries out the chosen action.
  func routeRequest(_ e: Int32, listener index: Int, in world: World) {
    let listener = plane.listeners[index]
    var request = world.exchanges[e].head
    request.sourceAddress = world.exchanges[e].sourceAddress
    let action: LoadBalancerAction
    if world.isTraced(e) {
      world.note(
        e, name, .received,
        "\(listener.label) of \(loadBalancer.label) receives \(request.method) \(request.target) "
          + "(Host: \(request.host)) from \(IPv4Address(world.exchanges[e].sourceAddress))")
      let decision = listener.routeTable.explain(request)
      for (offset, entry) in decision.evaluated.enumerated() {
        switch entry.outcome {
        case .matched:
          let condition = listener.routeTable.rules[offset].condition
          world.note(
            e, name, .matched,
            entry.name
              + (condition == .always
                ? " applies (no rule matched)" : " matches: \(condition.summary)"))
        case .notMatched(let reason):
          world.note(e, name, .note, "\(entry.name) does not match: \(reason)")
        }
      }
      action = decision.action ?? listener.defaultAction
    } else {
      action = listener.routeTable.firstMatchIndex(request).map { listener.routeTable.rules[$0].action } ?? listener.defaultAction
    }
    perform(action, for: e, listener: listener, in: world)
  }

  func perform(
    _ action: LoadBalancerAction, for e: Int32, listener: LoadBalancerListener, in world: World
  ) {
    let delay = world.model.settings.loadBalancer
    switch action {
    case .fixedResponse(let fixed):
      let body = world.bodies.intern(fixed.messageBody)
      world.note(
        e, name, .answered,
        "fixed response \(fixed.statusCode)"
          + (fixed.messageBody.isEmpty ? "" : " \"\(fixed.messageBody)\""))
      world.reply(
        e, Response(status: fixed.statusCode, disposition: .fixedResponse, body: body), after: delay
      )
    case .redirect(let redirect):
      let head = world.exchanges[e].head
      let query =
        head.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
      let location = redirect.location(
        scheme: head.scheme, host: head.host, port: head.port, path: head.path, query: query)
      world.note(e, name, .answered, "redirect \(redirect.statusCode) to \(location)")
      world.reply(
        e,
        Response(
          status: redirect.statusCode, disposition: .redirected, body: world.bodies.intern(location)
        ),
        after: delay)
    case .forward(let forward):
      forwardRequest(e, forward, listener: listener, in: world)
    }
  }

  func forwardRequest(
    _ e: Int32, _ forward: ForwardAction, listener: LoadBalancerListener, in world: World
  ) {
    let delay = world.model.settings.loadBalancer
    guard let group = pickTargetGroup(e, forward, in: world) else {
      world.note(
        e, name, .answered, "every target group of the forward action has weight 0: answers 503")
      world.reply(e, .localReply(503, .noHealthyTarget), after: delay)
      return
    }
    let groupName = plane.targetGroups[group].name
    let (target, failOpen): (Int, Bool)
    switch plane.pickTarget(group: group, node: self, in: world) {
    case .target(let picked, let open):
      (target, failOpen) = (picked, open)
    case .noTarget:
      world.note(
        e, name, .answered,
        "target group '\(groupName)' has no registered target this node can use: answers 503")
      world.reply(e, .localReply(503, .noRegisteredTarget), after: delay)
      return
    case .noHealthyTargetInZone:
      world.note(
        e, name, .answered,
        "target group '\(groupName)' has no healthy target in \(zone) and cross-zone load "
          + "balancing is off: answers 503")
      world.reply(e, .localReply(503, .noHealthyTarget), after: delay)
      return
    }
    let chosen = plane.targets[target]
    let head = forwardedHead(e, listener: listener, in: world)
    if world.isTraced(e) {
      let health =
        chosen.state.rawValue + (failOpen ? ", group failing open: no healthy target" : "")
      world.note(
        e, name, .forwarded,
        "target group '\(groupName)' → target \(chosen.label) (\(health), \(chosen.zone ?? "all zones")); "
          + "X-Forwarded-For: \(head.headers.value(for: "X-Forwarded-For") ?? "-")")
    }
    let idle = loadBalancer.attributes.idleTimeout
    let upstream = sendToTarget(
      e, to: target, head: head, request: world.exchanges[e].request, timeout: idle, presentedSource: nil, in: world)
    if world.exchanges[upstream].pendingFailure != nil && world.exchanges[upstream].answered {
      // The connection attempt is being dropped: the ALB gives up after its connect timeout.
      world.exchanges[e].calleeContext = Int64(upstream)
      let timer = TimerTag(
        kind: Self.connectTimeoutKind, exchange: e, generation: world.exchanges[e].generation)
      world.startTimer(id, after: min(Self.connectTimeout, idle), for: timer)
    }
  }

  /// The target group of a forward action: the only one, or a weighted pick with this node's
  /// random stream (nil when every weight is 0).
  func pickTargetGroup(_ e: Int32, _ forward: ForwardAction, in world: World) -> Int? {
    let groups = forward.targetGroups
    if groups.count == 1 { return groups[0].targetGroup }
    let choice = forward.choice
    guard let picked = choice.pick(randomValue: world.randomSource(id).pointee.next()) else {
      return nil
    }
    if world.isTraced(e) {
      let weight = groups.first { $0.targetGroup == picked }?.weight ?? 0
      world.note(
        e, name, .note,
        "weighted forward picks target group '\(plane.targetGroups[picked].name)' "
          + "(weight \(weight) of \(choice.totalWeight))")
    }
    return picked
  }

  /// The request as the target receives it: `X-Forwarded-For` per the load balancer's mode,
  /// `X-Forwarded-Proto` and `X-Forwarded-Port`.
  func forwardedHead(_ e: Int32, listener: LoadBalancerListener, in world: World) -> RequestHead {
    var head = world.exchanges[e].head
    // Room for the three headers set below, so the fields grow (and are copied) once.
    head.headers.pairs.reserveCapacity(head.headers.pairs.count + 3)
    let address = world.exchanges[e].sourceAddress
    let client: String
    if let memo = clientAddressText, memo.address == address {
      client = memo.text
    } else {
      client = IPv4Address(address).description
      clientAddressText = (address, client)
    }
    switch loadBalancer.attributes.forwardedForMode {
    case .append:
      head.headers.set(
        "X-Forwarded-For",
        head.headers.value(for: "X-Forwarded-For").map { "\($0), \(client)" } ?? client)
    case .preserve:
      break
    case .remove:
      head.headers.remove("X-Forwarded-For")
    }
    head.headers.set("X-Forwarded-Proto", head.scheme)
    let port: String
    if let memo = listenerPortText, memo.port == listener.port {
      port = memo.text
    } else {
      port = String(listener.port)
      listenerPortText = (listener.port, port)
    }
    head.headers.set("X-Forwarded-Port", port)
    return head
  }

  /// Turns the target's answer (or its absence) into the ALB's answer: the target's own HTTP
  /// response passes through; a refused connection becomes 502, no answer in time 504.
  func answerFromTarget(_ e: Int32, _ response: Response, in world: World) {
    let delay = world.model.settings.loadBalancer
    if response.status > 0 {
      world.note(e, name, .returned, "passes the target's answer \(response.status) back")
      world.reply(e, response, after: delay)
      return
    }
    let status: Int
    let why: String
    switch response.disposition {
    case .connectionRefused:
      (status, why) = (502, "the target refused the connection")
    case .timedOut:
      (status, why) = (
        504,
        "the target did not answer within the idle timeout (\(loadBalancer.attributes.idleTimeout))"
      )
    case .deniedBySecurityGroupIngress, .deniedBySecurityGroupEgress, .hostUnreachable,
      .noRouteToHost:
      (status, why) = (504, "no connection to the target (\(response.disposition.rawValue))")
    default:
      (status, why) = (502, "the target connection failed (\(response.disposition.rawValue))")
    }
    world.note(e, name, .answered, "\(why): answers \(status)")
    world.reply(e, Response(status: status, disposition: response.disposition), after: delay)
  }
}
