import NetworkModel
import ScenarioFormat
import RouteMatching
import SimKernel

/// What the per-request path needs of one configuration revision, read out of it once: the
/// virtual node listeners' health-check, TLS and outlier flags and the nodes' discovery, the
/// router tables, and the fields of services, routes and gateway routes an Envoy uses on every
/// request. An immutable object with `let` arrays, so reading it borrows plain values instead
/// of copying a whole `VirtualNode`, `MeshRoute` or the configuration per request.
final class MeshRevisionFacts {
  struct NodeListener {
    let port: Int
    let checksHealth: Bool
    /// The listener terminates TLS (a `tls` block whose mode is not `DISABLED`).
    let terminatesTLS: Bool
    let detectsOutliers: Bool
  }
  /// A gateway route's action and rewrite.
  final class GatewayRoute {
    let service: Int
    let targetPort: Int?
    let pathRewrite: PathRewrite
    let rewritesHost: Bool

    init(service: Int, targetPort: Int?, pathRewrite: PathRewrite, rewritesHost: Bool) {
      self.service = service
      self.targetPort = targetPort
      self.pathRewrite = pathRewrite
      self.rewritesHost = rewritesHost
    }

    /// `path` rewritten by the route, or `nil` when the route forwards it as it is
    /// (`pathRewrite.rewritten(_:)` on the stored rewrite in place: reading `route.pathRewrite`
    /// from outside copies it, retaining its strings).
    func rewrite(_ path: String) -> String? { pathRewrite.rewritten(path) }
  }
  /// What `VirtualNode.clientPolicy(for:)` answers for one node: for each of its backend
  /// services, and (`defaults`) for any other service; indices in `clientPolicies` (-1: none).
  struct NodeClientPolicies {
    let backends: [(service: Int, policy: Int)]
    let defaults: Int
  }

  /// Listener facts per virtual node, in listener order.
  let nodeListeners: [[NodeListener]]
  let discoveries: [MeshServiceDiscovery?]
  /// Per virtual node, the hostname and endpoint mode of its DNS discovery (nil: Cloud Map or
  /// none), read per request without copying the whole discovery.
  let dnsDiscoveries: [(hostname: String, allEndpoints: Bool)?]
  /// Listener ports per virtual router, in listener order (apart from the tables, so that finding
  /// a port reads plain integers instead of copying (retaining) each table on the way).
  let routerPorts: [[Int]]
  /// Route tables per virtual router, in the order of `routerPorts`.
  let routerTables: [[RouteTable<Int>]]
  let providers: [VirtualService.Provider]
  /// The port of each virtual service's provider's first listener.
  let firstProviderPorts: [Int?]
  /// Per route, its weighted choice (entry `i` picks target `i`) and its targets.
  private let routeChoices: [WeightedChoice<Int>]
  private let routeTargets: [[MeshRoute.Target]]
  /// Per route, where its pick table starts in `pickTable` (see `RoutePicks`).
  private let routePicks: [RoutePicks]
  /// Every route's targets, route after route, and the pick tables: for each route with a table,
  /// entry `start + point` is the index in `pickTargets` of the target the route's weighted
  /// choice picks for `point` (`randomValue % totalWeight`).
  private let pickTargets: [MeshRoute.Target]
  private let pickTable: [Int32]
  /// Per route, the index in `retryPolicies` of the policy requests sent by it follow (its own,
  /// else App Mesh's default), -1 for none.
  let routeRetryPolicies: [Int]
  /// Per route, the request timeout (`.zero`: none, a TCP route).
  let routeTimeouts: [SimDuration]
  /// Per route, how long the first attempt of a request sent by it may take
  /// (`firstAttemptTimeout(retryPolicy:timeout:)` of its policy and timeout), decided once per
  /// revision instead of per request.
  let routeFirstAttemptTimeouts: [SimDuration]
  /// The retry policies of this revision, referred to by index so that a request holds plain
  /// integers: App Mesh's hidden default first when it is on, then each route's own policy.
  let retryPolicies: [MeshRetryPolicy]
  /// The index of App Mesh's hidden default in `retryPolicies` (a virtual-node provider's
  /// policy), -1 when it is off.
  let defaultRetryPolicy: Int
  let gatewayRoutes: [GatewayRoute]
  /// The client TLS policies of this revision (gateways' backend defaults, virtual nodes'
  /// policies per backend and defaults), one entry per place that sets one, referred to by
  /// index (-1: none) so that a request holds a plain integer, as with `retryPolicies`.
  let clientPolicies: [ClientTLSPolicy]
  /// Per virtual gateway, its backend defaults' index in `clientPolicies` (-1: none).
  let gatewayBackendDefaults: [Int]
  let nodeClientPolicies: [NodeClientPolicies]
  /// Whether some gateway route table or router route table tests the request's peer address
  /// (then a gateway's `GatewayDecisionMemo` keys on it too).
  let routeTablesReadPeerAddress: Bool

  /// How long the first attempt of a request with retry policy `retryPolicy` (an index in
  /// `retryPolicies`, -1: none) and request timeout `timeout` (`.zero`: none) may take:
  /// `EnvoyProxyActor.attemptTimeout` with the whole request timeout remaining.
  func firstAttemptTimeout(retryPolicy: Int, timeout: SimDuration) -> SimDuration {
    Self.firstAttemptTimeout(retryPolicy: retryPolicy, among: retryPolicies, timeout: timeout)
  }

  /// `firstAttemptTimeout(retryPolicy:timeout:)` with the revision's retry policies given (the
  /// initializer decides every route's before it may call an instance method).
  private static func firstAttemptTimeout(
    retryPolicy: Int, among retryPolicies: [MeshRetryPolicy], timeout: SimDuration
  ) -> SimDuration {
    EnvoyProxyActor.attemptTimeout(
      perRetry: retryPolicy >= 0 ? retryPolicies[retryPolicy].perRetryTimeout : nil,
      remaining: timeout > .zero ? timeout : nil)
  }

  /// `defaultRetryPolicy`: App Mesh's hidden default when the simulation has it on.
  init(_ config: AppMeshConfiguration, defaultRetryPolicy: MeshRetryPolicy?) {
    nodeListeners = config.virtualNodes.map { node in
      node.listeners.map { listener in
        NodeListener(
          port: listener.port, checksHealth: listener.healthCheck != nil,
          terminatesTLS: listener.tls.map { $0.mode != .disabled } ?? false,
          detectsOutliers: listener.outlierDetection != nil)
      }
    }
    discoveries = config.virtualNodes.map(\.discovery)
    dnsDiscoveries = discoveries.map {
      guard case .dns(let hostname, let all)? = $0 else { return nil }
      return (hostname, all)
    }
    routerPorts = config.virtualRouters.map { router in router.listeners.map(\.port) }
    routerTables = config.virtualRouters.map { router in router.listeners.map(\.table) }
    providers = config.virtualServices.map(\.provider)
    firstProviderPorts = config.virtualServices.indices.map { config.firstProviderPort(of: $0) }
    var retryPolicies: [MeshRetryPolicy] = defaultRetryPolicy.map { [$0] } ?? []
    let defaultIndex = defaultRetryPolicy == nil ? -1 : 0
    routeRetryPolicies = config.routes.map { route in
      guard let own = route.retryPolicy else { return defaultIndex }
      retryPolicies.append(own)
      return retryPolicies.count - 1
    }
    self.retryPolicies = retryPolicies
    self.defaultRetryPolicy = defaultIndex
    routeChoices = config.routes.map(\.choice)
    routeTargets = config.routes.map(\.targets)
    (routePicks, pickTargets, pickTable) = RoutePicks.tables(for: config.routes)
    routeTimeouts = config.routes.map {
      $0.kind == .tcp ? .zero : ($0.perRequestTimeout ?? MeshListener.defaultPerRequestTimeout)
    }
    routeFirstAttemptTimeouts = zip(routeRetryPolicies, routeTimeouts).map { policy, timeout in
      Self.firstAttemptTimeout(retryPolicy: policy, among: retryPolicies, timeout: timeout)
    }
    gatewayRoutes = config.gatewayRoutes.map {
      GatewayRoute(
        service: $0.service, targetPort: $0.targetPort, pathRewrite: $0.pathRewrite, rewritesHost: $0.rewritesHost)
    }
    var clientPolicies: [ClientTLSPolicy] = []
    func number(_ policy: ClientTLSPolicy?) -> Int {
      guard let policy else { return -1 }
      clientPolicies.append(policy)
      return clientPolicies.count - 1
    }
    gatewayBackendDefaults = config.virtualGateways.map { number($0.backendDefaults) }
    nodeClientPolicies = config.virtualNodes.map { node in
      NodeClientPolicies(
        backends: node.backends.map { ($0.service, number(node.clientPolicy(for: $0.service))) },
        defaults: number(node.backendDefaults))
    }
    self.clientPolicies = clientPolicies
    routeTablesReadPeerAddress =
      config.virtualGateways.contains { $0.routeListeners.contains { $0.table.readsPeerAddress } }
      || routerTables.contains { $0.contains { $0.readsPeerAddress } }
  }

  /// The target of route `route` that `randomValue` picks by the route's weighted choice; nil
  /// when the total weight is 0. The weights are a table decided once per revision, so that a
  /// pick is a remainder and a read instead of a walk over the cumulative weights.
  @inline(__always)
  func pickTarget(route: Int, randomValue: UInt64) -> MeshRoute.Target? {
    let picks = routePicks[route]
    guard picks.tableStart >= 0 else {
      return routeChoices[route].pickIndex(randomValue: randomValue).map { routeTargets[route][$0] }
    }
    let point = Int(truncatingIfNeeded: randomValue % picks.totalWeight)
    return pickTargets[Int(pickTable[picks.tableStart + point])]
  }

  /// The targets of route `route`, in declaration order.
  func targets(ofRoute route: Int) -> ArraySlice<MeshRoute.Target> {
    routeTargets[route][...]
  }

  /// `node`'s client policy for backend `service`, as `VirtualNode.clientPolicy(for:)` decided it:
  /// its index in `clientPolicies` (-1: none).
  func clientPolicy(node: Int, service: Int) -> Int {
    let policies = nodeClientPolicies[node]
    for backend in policies.backends where backend.service == service { return backend.policy }
    return policies.defaults
  }

  /// The facts of `node`'s first listener on `port` (as `VirtualNode.listener(port:)` finds it).
  func listener(node: Int, port: Int) -> NodeListener? {
    // By index: a `for` loop would retain the node's listener array.
    var listener = 0
    while listener < nodeListeners[node].count {
      if nodeListeners[node][listener].port == port { return nodeListeners[node][listener] }
      listener += 1
    }
    return nil
  }

  /// The route table of `router`'s first listener on `port`.
  func table(router: Int, port: Int) -> RouteTable<Int>? {
    // By index: a `for` loop would retain the router's listener array and each listener's table.
    var listener = 0
    while listener < routerPorts[router].count {
      if routerPorts[router][listener] == port { return routerTables[router][listener] }
      listener += 1
    }
    return nil
  }
}
