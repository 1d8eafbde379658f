import NetworkModel
import SimKernel

/// The client side of a task's Service Connect proxy (the Envoy-based Service Connect agent):
/// it listens on `127.255.0.x:aliasPort` for each name in the task's `/etc/hosts` and sends each
/// request to one task of the server endpoint, picked round robin among the healthy ones that
/// outlier detection has not ejected.
///
/// Hosts are read from Cloud Map on every request, so a scale-out of the server reaches this
/// client at once. A failed connection or a 503 is retried twice on the next pick (§6 C9); a
/// request still unanswered at the endpoint's per-request timeout gets 504, one that hits the
/// idle timeout has its connection closed. The proxy connects to the server task on its container
/// port or `ingressPortOverride`, so the server's security groups apply to that port
/// (aws-behaviour §2.2–2.4). Outlier detection uses Envoy's defaults: 5 consecutive errors,
/// 30 s ejection, no further ejection once 10 % of hosts are out (one always may be) (§6 C8).
final class ServiceConnectProxyActor: SimActor {
  let task: TaskActor
  /// The task's configuration (index in `ServiceConnectModel.configurations`).
  let configuration: Int
  let namespace: Int
  /// The names the task learned when it started.
  let routes: [ServiceConnectRoute]
  /// Route index by loopback listener key (shared by every proxy that learned the same routes).
  private let routeByListener: [UInt64: Int]
  /// Per-route load-balancer and outlier state, allocated at the first request (most proxies
  /// of a large namespace only serve and never call).
  private var cursors: [RoundRobinCursor?] = []
  private var outliers: [OutlierDetector] = []
  /// How traces name the proxy: `service-connect proxy (client/1)`.
  let label: String
  static let noDeadline = Int64.max

  init(task: TaskActor, configuration: Int, namespace: Int, routes: [ServiceConnectRoute],
       routeByListener: [UInt64: Int]) {
    self.task = task
    self.configuration = configuration
    self.namespace = namespace
    self.routes = routes
    self.routeByListener = routeByListener
    self.label = "service-connect proxy (\(task.name))"
    super.init(name: "service-connect proxy \(task.name)")
  }

  override var groupName: String { task.groupName }
  override var nodeKind: TopologyNode.Kind { task.nodeKind }

  /// The route a request from the application arrived on (its loopback address and port).
  func route(of e: Int32, in world: World) -> Int? {
    let exchange = world.exchanges.slot(e)
    return routeByListener[NetworkInterface.loopbackKey(exchange.pointee.sourceAddress, exchange.pointee.head.port)]
  }

  override func handleRequest(_ e: Int32, in world: World) {
    guard let index = route(of: e, in: world) else {
      world.note(e, label, .failed, "no listener for this address and port: connection refused")
      world.reply(e, .failure(.connectionRefused))
      return
    }
    let route = routes[index]
    let endpoint = route.endpoint
    if world.isTraced(e) {
      let timeout =
        endpoint.requestTimeout.map {
          ", \($0.kind == .perRequest ? "per-request" : "idle") timeout \($0.limit)"
        } ?? ""
      world.note(
        e, label, .received,
        "listener \(IPv4Address(route.address)):\(route.port) (\(route.dnsName)) → discovery name '\(endpoint.discoveryName)' of service \(world.model.services[route.service].name) in namespace \(world.model.namespaces[namespace].name) (\(endpoint.appProtocol.rawValue)\(timeout))"
      )
    }
    let deadline =
      endpoint.requestTimeout.map { (world.now + $0.limit).nanoseconds }
      ?? ServiceConnectProxyActor.noDeadline
    world.exchanges[e].calleeContext = deadline
    sendAttempt(e, route: index, attempt: 0, in: world)
  }

  /// The hosts of a route's endpoint as Cloud Map lists them now (registration order).
  func hosts(of route: ServiceConnectRoute, in world: World) -> [UpstreamHost] {
    world.cloudMap.currentInstances(of: route.endpoint.discoveryService, at: world.now).map {
      UpstreamHost(
        address: $0.address, port: $0.port ?? route.endpoint.ingressPort, healthy: $0.healthy,
        task: $0.task)
    }
  }

  /// Picks a host and opens attempt number `attempt` (0 for the first) of request `e`.
  func sendAttempt(_ e: Int32, route index: Int, attempt: Int32, in world: World) {
    if cursors.isEmpty {
      cursors = Array(repeating: nil, count: routes.count)
      outliers = Array(repeating: OutlierDetector(), count: routes.count)
    }
    let route = routes[index]
    let now = world.now
    let all = hosts(of: route, in: world)
    let eligible = EligibleHosts(all) { outliers[index].isEjected($0.key, at: now) }
    if cursors[index] == nil {
      cursors[index] = RoundRobinCursor(position: world.random(id, below: 1 << 20))
    }
    guard let pick = cursors[index]?.next(count: eligible.hosts.count) else {
      world.note(
        e, label, .failed,
        "no task serves \(route.endpoint.discoveryName): nothing registered in Cloud Map")
      let response: Response =
        route.endpoint.appProtocol.isHTTP
        ? .localReply(503, .noHealthyTarget) : .failure(.noHealthyTarget)
      world.reply(e, response, after: world.model.settings.proxy)
      return
    }
    let host = eligible.hosts[pick]
    if world.isTraced(e) {
      let listed = all.map { candidate -> String in
        var text = "\(candidate.endpointText) (\(world.taskName(candidate.task) ?? "?")"
        if !candidate.healthy { text += ", unhealthy" }
        if let end = outliers[index].ejectionEnd(candidate.key, at: now) {
          text += ", ejected until \(end.sinceStart)"
        }
        return text + ")"
      }
      let retry = attempt > 0 ? "retry \(attempt) of 2: " : ""
      let panic = eligible.inPanic ? " (panic: too few healthy hosts, using all)" : ""
      let tls = route.endpoint.tlsAuthority != nil ? "; TLS to the server proxy" : ""
      world.note(
        e, label, .forwarded,
        "\(retry)endpoints [\(listed.joined(separator: ", "))]\(panic); round robin picks \(host.endpointText) (\(world.taskName(host.task) ?? "?"))\(tls)"
      )
    }
    let deadline = world.exchanges[e].calleeContext
    let remaining =
      deadline == ServiceConnectProxyActor.noDeadline
      ? SimDuration.hours(24) : SimDuration(nanoseconds: deadline - now.nanoseconds)
    world.connectUpstream(
      from: task.interface, caller: id, to: host, head: world.exchanges[e].head, parent: e,
      timeout: remaining, attempt: attempt)
  }

  override func handleResponse(_ child: Int32, in world: World) {
    // The attempt's exchange read through one checked slot address, field by field (no copy of
    // the whole exchange), before anything below opens an exchange.
    let upstream = world.exchanges.slot(child)
    let e = upstream.pointee.parent
    guard world.isWaiting(e, generation: upstream.pointee.parentGeneration),
      let index = route(of: e, in: world)
    else { return }
    let response = upstream.pointee.response
    let hostKey = UInt64(bitPattern: upstream.pointee.callerContext)
    let attempt = upstream.pointee.step
    let route = routes[index]
    let http = route.endpoint.appProtocol.isHTTP
    let timedOut = response.status == 0 && response.disposition == .timedOut
    let connectFailure = ServiceConnectProxyPolicy.isConnectFailure(response)
    let failed = timedOut || connectFailure || response.status >= 500
    let policy = ServiceConnectProxyPolicy.outlierDetection
    if outliers[index].record(
      hostKey, failed: failed, at: world.now, cluster: hosts(of: route, in: world).map(\.key),
      policy: policy) != nil
    {
      let host = IPv4Address(UInt32(truncatingIfNeeded: hostKey >> 16))
      world.note(
        e, label, .note,
        "outlier detection ejects \(host) for \(policy.baseEjectionDuration) after \(policy.maxServerErrors) consecutive errors"
      )
      world.recordTimeline(
        "Service Connect: \(task.name) ejects \(host) from \(route.endpoint.discoveryName) (outlier detection)"
      )
    }
    let deadline = world.exchanges[e].calleeContext
    if !timedOut, world.now.nanoseconds < deadline,
      ServiceConnectProxyPolicy.retries(after: response, attempt: Int(attempt), http: http)
    {
      world.note(e, label, .note, retryReason(response) + ": retrying on another pick")
      sendAttempt(e, route: index, attempt: attempt + 1, in: world)
      return
    }
    world.reply(
      e,
      answer(
        for: response, timedOut: timedOut, connectFailure: connectFailure, route: route, e: e,
        in: world),
      after: world.model.settings.proxy)
  }

  /// Why an attempt is retried, for traces.
  func retryReason(_ response: Response) -> String {
    if response.status > 0 { return "upstream answered \(response.status)" }
    if response.disposition == .connectionRefused { return "connection refused" }
    return "no connection within the connect timeout (\(response.disposition.rawValue))"
  }

  /// What the application gets back for the last attempt's outcome.
  func answer(
    for response: Response, timedOut: Bool, connectFailure: Bool, route: ServiceConnectRoute,
    e: Int32,
    in world: World
  ) -> Response {
    let http = route.endpoint.appProtocol.isHTTP
    if timedOut, let timeout = route.endpoint.requestTimeout {
      if http && timeout.kind == .perRequest {
        world.note(
          e, label, .answered,
          "no answer within the per-request timeout \(timeout.limit): answers 504")
        return .localReply(504, .timedOut)
      }
      world.note(
        e, label, .answered,
        "connection idle for \(timeout.limit) (idle timeout): closes it without an answer")
      return .failure(.timedOut)
    }
    if connectFailure || (response.status == 0 && !response.disposition.isSuccess) {
      if http {
        world.note(
          e, label, .answered,
          "upstream connection failed (\(response.disposition.rawValue)): answers 503")
        return Response(status: 503, disposition: response.disposition)
      }
      world.note(
        e, label, .answered,
        "upstream connection failed (\(response.disposition.rawValue)): closes the connection")
      return .failure(response.disposition)
    }
    world.note(e, label, .returned, "passes the answer \(response.status) back")
    return response
  }
}
