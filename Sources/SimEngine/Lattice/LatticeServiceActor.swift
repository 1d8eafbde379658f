import NetworkModel
import RouteMatching
import SimKernel

/// One VPC Lattice service handling requests that passed the association checks: TLS, then
/// auth at the service network and service levels, then the listener's rules, then a fixed
/// response or a forward to a weighted target group (VPC Lattice user guide, "Listeners",
/// "Listener rules", "Auth policies"; aws-behaviour §3.4–3.7, §7 items 33–41).
///
/// Each service is its own actor, so the per-request target-group draw uses its own random
/// stream. Denied requests get 403 (`authDenied`); a fixed response answers with its status
/// (`fixedResponse`); a target group without a target that may receive traffic answers 503.
public final class LatticeServiceActor: SimActor {
  unowned let dataPlane: LatticeDataPlane
  public let service: Int
  static let connectTimeoutKind = 1
  /// How long Lattice tries to connect to a target whose packets are dropped before answering
  /// 503 (not documented; Conf: low).
  static let connectTimeout = SimDuration.seconds(5)
  /// How long Lattice waits for a target's answer before 504 (not documented; Conf: low).
  static let upstreamTimeout = SimDuration.seconds(60)
  /// TLS passthrough connections are cut after 10 minutes (VPC Lattice, "TLS listeners").
  static let passthroughLimit = SimDuration.minutes(10)

  init(dataPlane: LatticeDataPlane, service: Int) {
    self.dataPlane = dataPlane
    self.service = service
    super.init(name: "vpc-lattice \(dataPlane.lattice.services[service].name)")
  }

  public override var nodeKind: TopologyNode.Kind { .managedService }

  public override var groupName: String { "lattice:\(dataPlane.lattice.services[service].name)" }

  public override func handleRequest(_ e: Int32, in world: World) {
    let context = world.exchanges[e].calleeContext
    let association = dataPlane.lattice.vpcAssociations[Int(context >> 32)]
    let listenerIndex = Int(context & 0xFFFF_FFFF)
    let listener = dataPlane.lattice.listeners[listenerIndex]
    let head = world.exchanges[e].head
    world.note(
      e, name, .received,
      listener.listenerProtocol == .tlsPassthrough
        ? "\(listener.label) receives a TLS connection (SNI \(head.host)); the request inside stays encrypted"
        : "\(listener.label) receives \(head.method) \(head.target) (Host: \(head.host))")
    if let (disposition, reason) = protocolProblem(head, listener: listener) {
      world.note(e, name, .failed, reason)
      world.reply(e, .failure(disposition))
      return
    }
    guard authorized(e, head: head, listener: listener, association: association, in: world)
    else { return }
    let action: LatticeRuleAction
    let table = dataPlane.routeTables[listenerIndex]
    if world.isTraced(e) {
      let decision = table.explain(head)
      for (offset, line) in decision.lines.enumerated() {
        world.note(e, name, offset == decision.matchedIndex ? .matched : .note, line)
      }
      action = decision.action ?? listener.defaultAction
    } else {
      action = table.firstMatch(head)?.rule.action ?? listener.defaultAction
    }
    switch action {
    case .fixedResponse(let status):
      world.note(e, name, .answered, "fixed response \(status)")
      world.reply(e, .localReply(status, .fixedResponse))
    case .forward(let groups):
      forward(e, groups: groups, listener: listener, in: world)
    }
  }

  /// The service network's and the service's auth checks: whether the request may go on (else
  /// it has been answered 403). With auth type `NONE` at both levels nothing is checked, so an
  /// untraced request skips building the auth request context.
  func authorized(
    _ e: Int32, head: RequestHead, listener: LatticeListener, association: LatticeVPCAssociation,
    in world: World
  ) -> Bool {
    let traced = world.isTraced(e)
    if !traced && dataPlane.lattice.serviceNetworks[association.serviceNetwork].authType == .none
      && dataPlane.lattice.services[service].authType == .none
    {
      return true
    }
    let network = dataPlane.lattice.serviceNetworks[association.serviceNetwork]
    let own = dataPlane.lattice.services[service]
    let request = authRequest(
      e, head: head, listener: listener, association: association, in: world)
    let verdict = LatticeAuthorizer.authorize(
      network: .init(
        name: traced ? "service network '\(network.name)'" : network.name,
        authType: network.authType,
        policy: network.authPolicy),
      service: .init(
        name: traced ? "service '\(own.name)'" : own.name, authType: own.authType,
        policy: own.authPolicy),
      request: request, explain: traced)
    if traced {
      for step in verdict.steps {
        world.note(e, name, step.allows ? .permitted : .denied, "auth: \(step.detail)")
      }
    }
    guard verdict.allowed else {
      let body = world.bodies.intern(
        "AccessDeniedException: User: \(request.caller == .anonymous ? "anonymous" : request.caller.label) is not authorized to perform: \(request.action) on resource: \(request.resource)"
      )
      world.note(e, name, .answered, "answers 403 (access denied)")
      world.reply(e, Response(status: 403, disposition: .authDenied, body: body))
      return false
    }
    return true
  }

  public override func handleResponse(_ upstream: Int32, in world: World) {
    upstreamAnswered(upstream, in: world)
  }

  public override func handleTimer(_ tag: Int64, in world: World) {
    connectTimedOut(tag, in: world)
  }

  /// A TLS or SNI mismatch between the client and the listener, if any.
  func protocolProblem(_ head: RequestHead, listener: LatticeListener) -> (Disposition, String)? {
    // Only the TLS listeners look at the host and the service's domain.
    var own: LatticeService { dataPlane.lattice.services[service] }
    var host: String { head.host.lowercased() }
    switch listener.listenerProtocol {
    case .http:
      if head.scheme == "https" {
        return (
          .tlsHandshakeFailed, "the client starts TLS, but \(listener.label) speaks plain HTTP"
        )
      }
    case .https:
      if head.scheme == "http" {
        return (.tlsHandshakeFailed, "plain HTTP sent to \(listener.label)")
      }
      if host == own.customDomainName && own.certificateArn == nil {
        return (
          .tlsHandshakeFailed,
          "no certificate for custom domain '\(host)' (Lattice has no fallback certificate)"
        )
      }
    case .tlsPassthrough:
      if head.scheme == "http" {
        return (.tlsHandshakeFailed, "plain HTTP sent to \(listener.label)")
      }
      if host != own.customDomainName {
        return (
          .connectionClosed,
          "SNI '\(host)' is not the custom domain '\(own.customDomainName ?? "")' the passthrough listener routes by: connection closed"
        )
      }
    }
    return nil
  }

  /// The auth request context of exchange `e`.
  func authRequest(
    _ e: Int32, head: RequestHead, listener: LatticeListener, association: LatticeVPCAssociation,
    in world: World
  ) -> LatticeAuthRequest {
    let own = dataPlane.lattice.services[service]
    let network = dataPlane.lattice.serviceNetworks[association.serviceNetwork]
    let passthrough = listener.listenerProtocol == .tlsPassthrough
    // Lattice cannot see a signature inside a passthrough TLS stream: every caller is anonymous.
    return LatticeAuthRequest(
      caller: passthrough ? .anonymous : caller(of: e, in: world),
      action: passthrough ? "vpc-lattice-svcs:Connect" : "vpc-lattice-svcs:Invoke",
      resource: passthrough
        ? own.arn : LatticeAuthRequest.resource(serviceArn: own.arn, path: head.path),
      sourceVPC: world.model.vpcs[association.vpc].id, sourceVPCOwnerAccount: world.model.accountID,
      method: passthrough ? nil : head.method, path: passthrough ? nil : head.path,
      headers: passthrough ? nil : head.headers,
      query: passthrough ? [] : head.query, port: listener.port, serviceArn: own.arn,
      serviceNetworkArn: network.arn)
  }

  /// Who signed the request: the traffic stream's `unsigned`/`principal`, else its client's
  /// principal or its task's role; a task's own calls act as its task role; else anonymous.
  func caller(of e: Int32, in world: World) -> LatticeCaller {
    let model = world.model
    func role(ofDefinition index: Int) -> String? { model.taskDefinitions[index].spec.taskRoleArn }
    var principal: String?
    switch world.actors[Int(world.exchanges[e].caller)] {
    case let client as ClientActor:
      let stream = model.traffic[client.stream]
      if stream.unsigned { return .anonymous }
      switch stream.origin {
      case .client(let index): principal = stream.principal ?? model.clients[index].principal
      case .service(let index), .task(let index, _):
        principal = stream.principal ?? role(ofDefinition: model.services[index].taskDefinition)
      case .standaloneTask(let index, _):
        principal =
          stream.principal ?? role(ofDefinition: model.standaloneTasks[index].taskDefinition)
      }
    case let task as TaskActor:
      principal = role(ofDefinition: task.taskDefinition)
    default:
      principal = nil
    }
    guard let principal else { return .anonymous }
    if let known = dataPlane.callers[principal] { return known }
    let parsed = LatticePrincipal.parse(principal).map(LatticeCaller.principal) ?? .anonymous
    dataPlane.callers[principal] = parsed
    return parsed
  }
}
