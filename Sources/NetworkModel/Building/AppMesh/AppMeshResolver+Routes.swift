import RouteMatching
import ScenarioFormat

extension AppMeshResolver {
  static let httpRetryEvents = ["server-error", "gateway-error", "client-error", "stream-error"]
  static let grpcRetryEvents = [
    "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
  ]

  /// Routes, then every router's per-listener route tables (AWS behaviour §1.7).
  func resolveRoutes(_ specs: [MeshRouteSpec]) {
    var names: [Int: Set<String>] = [:]
    for spec in specs {
      guard let mesh = meshIndex(spec.meshName, at: spec.source),
        let router = resolve(
          spec.virtualRouterName, in: routerTables[mesh], kind: "virtual router", mesh: mesh,
          at: field(spec.source, "virtualRouterName"))
      else { continue }
      if !names[router, default: []].insert(spec.routeName).inserted {
        error(
          "model.duplicate-name",
          "route '\(spec.routeName)' is declared twice in router '\(spec.virtualRouterName)'",
          at: spec.source)
        continue
      }
      if let route = resolveRoute(spec, router: router, mesh: mesh) { config.routes.append(route) }
    }
    for router in config.virtualRouters.indices {
      let routes = config.routes.enumerated().filter { $0.element.router == router }.map {
        (index: $0.offset, route: $0.element)
      }
      let shell = config.virtualRouters[router]
      config.virtualRouters[router].listeners = AppMeshRouteTableConverter.routerListeners(
        shell.listeners.map { ($0.port, $0.protocolName) }, routes: routes)
      for entry in routes
      where !shell.listeners.contains(where: {
        $0.protocolName == entry.route.kind && (entry.route.port ?? $0.port) == $0.port
      }) {
        let offered = shell.listeners.map { "\($0.protocolName.rawValue) \($0.port)" }.joined(
          separator: ", ")
        warning(
          "model.route-protocol-mismatch",
          "\(entry.route.label) is a \(entry.route.kind.rawValue) route but router '\(shell.name)' has no matching listener (\(offered.isEmpty ? "none" : offered)); it never matches",
          at: entry.route.source,
          hint: "route protocol, router listener protocol and target node protocol must agree")
      }
    }
  }

  func resolveRoute(_ spec: MeshRouteSpec, router: Int, mesh: Int) -> MeshRoute? {
    let specSource = field(spec.source, "spec")
    guard spec.bodies.count == 1, let body = spec.bodies.first else {
      error(
        "model.exactly-one-of",
        spec.bodies.isEmpty
          ? "route '\(spec.routeName)' needs one of httpRoute, http2Route, grpcRoute or tcpRoute"
          : "a route spec has exactly one of httpRoute, http2Route, grpcRoute or tcpRoute",
        at: specSource)
      return nil
    }
    let routerListeners = config.virtualRouters[router].listeners
    validateMatch(
      body.match, kind: body.kind, gateway: false, listenerPorts: routerListeners.map(\.port),
      owner: "router '\(config.virtualRouters[router].name)'", at: body.source)
    let (condition, problems) = MeshMatchConversion.condition(body.match, kind: body.kind)
    for problem in problems { error("model.invalid-regex", problem.message, at: problem.source) }
    let targets = resolveTargets(body, mesh: mesh)
    let retry = body.retryPolicy.flatMap { resolveRetryPolicy($0, kind: body.kind) }
    let choice = WeightedChoice(
      targets.enumerated().map { (element: $0.offset, weight: $0.element.weight) })
    return MeshRoute(
      name: spec.routeName, router: router, priority: spec.priority, kind: body.kind,
      condition: condition,
      port: body.match?.port, targets: targets, choice: choice, retryPolicy: retry,
      perRequestTimeout: body.perRequestTimeout,
      specificity: MeshMatchConversion.specificity(body.match),
      literalPath: MeshMatchConversion.literalPath(body.match), source: spec.source)
  }

  /// Weighted targets: 1–10, weights 0–100 with a positive sum, known nodes, a port when the
  /// node has several listeners (AWS behaviour §1.7, §6 C2, C5).
  func resolveTargets(_ body: MeshRouteSpec.Body, mesh: Int) -> [MeshRoute.Target] {
    let actionSource = field(body.source, "action")
    if body.targets.isEmpty || body.targets.count > 10 {
      error(
        "schema.value-out-of-range",
        "weightedTargets takes 1 to 10 targets, found \(body.targets.count)",
        at: field(actionSource, "weightedTargets"))
    }
    if !body.targets.isEmpty && body.targets.allSatisfy({ $0.weight == 0 }) {
      error(
        "model.weights-sum-zero",
        "every weighted target has weight 0; the route cannot send anywhere",
        at: field(actionSource, "weightedTargets"),
        hint: "weights are relative; give at least one target a weight above 0")
    }
    var targets: [MeshRoute.Target] = []
    for target in body.targets {
      guard
        let node = resolve(
          target.virtualNode, in: nodeTables[mesh], kind: "virtual node", mesh: mesh,
          at: field(target.source, "virtualNode"))
      else { continue }
      let listeners = config.virtualNodes[node].listeners
      var port = target.port
      if let given = port, !listeners.contains(where: { $0.port == given }) {
        error(
          "model.invalid-port",
          "virtual node '\(target.virtualNode)' has no listener on port \(given)",
          at: field(target.source, "port"),
          hint: "its listeners: \(listeners.map { String($0.port) }.joined(separator: ", "))")
        continue
      }
      if port == nil {
        if listeners.count > 1 {
          error(
            "model.target-port-required",
            "virtual node '\(target.virtualNode)' has \(listeners.count) listeners, so the target needs a 'port'",
            at: target.source)
          continue
        }
        guard let only = listeners.first else {
          error(
            "model.invalid-port", "virtual node '\(target.virtualNode)' has no listener to send to",
            at: target.source)
          continue
        }
        port = only.port
      }
      targets.append(.init(node: node, port: port ?? 0, weight: target.weight))
    }
    return targets
  }

  /// Retry policy events: at least one list, names from the API's sets (AWS behaviour §1.7).
  func resolveRetryPolicy(_ spec: MeshRouteSpec.RetryPolicy, kind: AppMeshProtocol)
    -> MeshRetryPolicy?
  {
    if spec.httpRetryEvents.isEmpty && spec.tcpRetryEvents.isEmpty && spec.grpcRetryEvents.isEmpty {
      error(
        "schema.missing-key",
        "a retry policy needs at least one of httpRetryEvents, tcpRetryEvents or grpcRetryEvents",
        at: spec.source)
    }
    for (key, events, allowed) in [
      ("httpRetryEvents", spec.httpRetryEvents, Self.httpRetryEvents),
      ("tcpRetryEvents", spec.tcpRetryEvents, ["connection-error"]),
      ("grpcRetryEvents", spec.grpcRetryEvents, Self.grpcRetryEvents),
    ] {
      for (offset, event) in events.enumerated() where !allowed.contains(event) {
        error(
          "model.invalid-retry-event", "unknown retry event '\(event)' in \(key)",
          at: field(spec.source, key, index: offset),
          hint: "allowed: \(allowed.joined(separator: ", "))")
      }
    }
    return MeshRetryPolicy.configured(
      maxRetries: spec.maxRetries, perRetryTimeout: spec.perRetryTimeout,
      httpEvents: spec.httpRetryEvents,
      tcpEvents: spec.tcpRetryEvents, grpcEvents: spec.grpcRetryEvents)
  }

  /// The shared checks of route and gateway-route matches: prefix xor path, prefix starting
  /// with `/` (and not reserved on gateways), one path/hostname/value matcher each, header and
  /// query counts, ranges, and the port rules for several listeners.
  func validateMatch(
    _ match: MeshMatchSpec?, kind: AppMeshProtocol, gateway: Bool, listenerPorts: [Int],
    owner: String,
    at bodySource: SourceRef
  ) {
    guard let match else {
      if listenerPorts.count > 1 {
        error(
          "model.route-port-required",
          "\(owner) has \(listenerPorts.count) listeners, so the route needs match.port",
          at: bodySource)
      }
      return
    }
    let source = match.source
    if match.prefix != nil && match.hasPathObject {
      error("model.exactly-one-of", "a match takes 'prefix' or 'path', not both", at: source)
    }
    if let prefix = match.prefix {
      if !prefix.hasPrefix("/") {
        error(
          "model.invalid-prefix", "prefix '\(prefix)' must start with '/'",
          at: field(source, "prefix"))
      } else if gateway && (prefix.hasPrefix("/aws-appmesh") || prefix.hasPrefix("/aws-app-mesh")) {
        error(
          "model.reserved-prefix", "gateway route prefix '\(prefix)' is reserved by App Mesh",
          at: field(source, "prefix"),
          hint: "prefixes starting with /aws-appmesh and /aws-app-mesh cannot be matched")
      }
    }
    if match.hasPathObject && (match.pathExact == nil) == (match.pathRegex == nil) {
      error(
        "model.exactly-one-of", "path is exactly one of exact or regex", at: field(source, "path"))
    }
    if match.hasHostnameObject && (match.hostnameExact == nil) == (match.hostnameSuffix == nil) {
      error(
        "model.exactly-one-of", "hostname is exactly one of exact or suffix",
        at: field(source, "hostname"))
    }
    if let service = match.serviceName, gateway, service.lowercased().hasPrefix("aws.appmesh") {
      error(
        "model.reserved-prefix", "gRPC service name '\(service)' is reserved by App Mesh",
        at: field(source, "serviceName"))
    }
    if match.methodName != nil && match.serviceName == nil {
      error("schema.missing-key", "a gRPC methodName needs serviceName", at: source)
    }
    validateHeaderMatches(match, kind: kind)
    if let port = match.port, !listenerPorts.contains(port) {
      error(
        "model.invalid-port", "\(owner) has no listener on port \(port)", at: field(source, "port"),
        hint: "its listeners: \(listenerPorts.map(String.init).joined(separator: ", "))")
    }
    if match.port == nil && listenerPorts.count > 1 {
      error(
        "model.route-port-required",
        "\(owner) has \(listenerPorts.count) listeners, so the match needs a 'port'",
        at: source)
    }
  }

  /// Header (gRPC metadata) and query-parameter matchers: at most 10 each, names of 1 to 50
  /// characters, one matcher per header, ranges whose start is below their (exclusive) end.
  func validateHeaderMatches(_ match: MeshMatchSpec, kind: AppMeshProtocol) {
    let source = match.source
    let headerKey = kind == .grpc ? "metadata" : "headers"
    if match.headers.count > 10 {
      error(
        "schema.value-out-of-range", "\(headerKey) takes at most 10 matchers",
        at: field(source, headerKey))
    }
    if match.queryParameters.count > 10 {
      error(
        "schema.value-out-of-range", "queryParameters takes at most 10 matchers",
        at: field(source, "queryParameters"))
    }
    for header in match.headers {
      if header.name.isEmpty || header.name.count > 50 {
        error(
          "schema.value-out-of-range", "header name must be 1 to 50 characters",
          at: field(header.source, "name"))
      }
      if header.matches.count > 1 {
        error(
          "model.exactly-one-of",
          "a header match is exactly one of exact, prefix, suffix, regex or range",
          at: field(header.source, "match"))
      }
      if case .range(let start, let end)? = header.matches.first, start >= end {
        error(
          "model.invalid-range",
          "range start \(start) must be below end \(end) (the end is exclusive)",
          at: field(header.source, "match"))
      }
    }
  }
}
