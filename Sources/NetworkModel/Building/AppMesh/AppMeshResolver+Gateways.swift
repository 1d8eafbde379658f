import RouteMatching
import ScenarioFormat

extension AppMeshResolver {
  /// A gateway with its listeners and client policy; gateway-route tables come later.
  func resolveGatewayShell(_ spec: VirtualGatewaySpec, mesh: Int) -> VirtualGateway {
    if spec.listeners.isEmpty {
      error(
        "schema.missing-key",
        "virtual gateway '\(spec.virtualGatewayName)' needs at least one listener",
        at: field(spec.source, "spec"))
    }
    let listeners = resolveListeners(
      spec.listeners, owner: "virtual gateway '\(spec.virtualGatewayName)'", gateway: true)
    let defaults = spec.backendDefaults.flatMap { resolveClientPolicy($0) }
    return VirtualGateway(
      name: spec.virtualGatewayName, mesh: mesh, listeners: listeners, routeListeners: [],
      backendDefaults: defaults, source: spec.source)
  }

  /// Gateway routes, then every gateway's per-listener tables (AWS behaviour §1.8).
  func resolveGatewayRoutes(_ specs: [GatewayRouteSpec]) {
    var names: [Int: Set<String>] = [:]
    for spec in specs {
      guard let mesh = meshIndex(spec.meshName, at: spec.source),
        let gateway = resolve(
          spec.virtualGatewayName, in: gatewayTables[mesh], kind: "virtual gateway", mesh: mesh,
          at: field(spec.source, "virtualGatewayName"))
      else { continue }
      if !names[gateway, default: []].insert(spec.gatewayRouteName).inserted {
        error(
          "model.duplicate-name",
          "gateway route '\(spec.gatewayRouteName)' is declared twice in gateway '\(spec.virtualGatewayName)'",
          at: spec.source)
        continue
      }
      if let route = resolveGatewayRoute(spec, gateway: gateway, mesh: mesh) {
        config.gatewayRoutes.append(route)
      }
    }
    for gateway in config.virtualGateways.indices {
      let routes = config.gatewayRoutes.enumerated().filter { $0.element.gateway == gateway }
        .map { (index: $0.offset, route: $0.element) }
      config.virtualGateways[gateway].routeListeners = AppMeshRouteTableConverter.gatewayListeners(
        config.virtualGateways[gateway].listeners, routes: routes)
    }
  }

  func resolveGatewayRoute(_ spec: GatewayRouteSpec, gateway: Int, mesh: Int) -> GatewayRoute? {
    guard spec.bodies.count == 1, let body = spec.bodies.first else {
      error(
        "model.exactly-one-of",
        spec.bodies.isEmpty
          ? "gateway route '\(spec.gatewayRouteName)' needs one of httpRoute, http2Route or grpcRoute"
          : "a gateway route spec has exactly one of httpRoute, http2Route or grpcRoute",
        at: field(spec.source, "spec"))
      return nil
    }
    let owner = config.virtualGateways[gateway]
    validateMatch(
      body.match, kind: body.kind, gateway: true, listenerPorts: owner.listeners.map(\.port),
      owner: "virtual gateway '\(owner.name)'", at: body.source)
    if let listenerPort = body.match?.port
      ?? (owner.listeners.count == 1 ? owner.listeners[0].port : nil),
      let listener = owner.listener(port: listenerPort), listener.protocolName != body.kind
    {
      warning(
        "model.route-protocol-mismatch",
        "gateway route '\(spec.gatewayRouteName)' is a \(body.kind.rawValue) route on a \(listener.protocolName.rawValue) listener; it never matches",
        at: body.source)
    }
    let (condition, problems) = MeshMatchConversion.condition(body.match, kind: body.kind)
    for problem in problems { error("model.invalid-regex", problem.message, at: problem.source) }
    let targetSource = field(field(body.source, "action"), "target")
    guard let name = body.targetVirtualService,
      let service = resolve(
        name, in: serviceTables[mesh], kind: "virtual service", mesh: mesh,
        at: field(field(targetSource, "virtualService"), "virtualServiceName"))
    else { return nil }
    let ports = config.providerListeners(of: service).map(\.port)
    if let port = body.targetPort, !ports.isEmpty, !ports.contains(port) {
      error(
        "model.invalid-port", "virtual service '\(name)' has no provider listener on port \(port)",
        at: field(targetSource, "port"),
        hint: "its provider listens on \(ports.map(String.init).joined(separator: ", "))")
    }
    if body.targetPort == nil && ports.count > 1 {
      error(
        "model.target-port-required",
        "the provider of '\(name)' has \(ports.count) listeners, so the target needs a 'port'",
        at: targetSource)
    }
    let (pathRewrite, rewritesHost) = resolveRewrite(body)
    return GatewayRoute(
      name: spec.gatewayRouteName, gateway: gateway, priority: spec.priority, kind: body.kind,
      condition: condition,
      port: body.match?.port, service: service, targetPort: body.targetPort,
      pathRewrite: pathRewrite,
      rewritesHost: rewritesHost, specificity: MeshMatchConversion.specificity(body.match),
      literalPath: MeshMatchConversion.literalPath(body.match), source: spec.source)
  }

  /// The rewrite a gateway route applies: by default the matched prefix becomes `/` and the Host
  /// becomes the virtual service name; `DISABLED` keeps them; a custom prefix must start and end
  /// with `/` and cannot be combined with `defaultPrefix`; path rewrites need a path match
  /// (AWS behaviour §1.8, AM-K8S-VAL).
  func resolveRewrite(_ body: GatewayRouteSpec.Body) -> (PathRewrite, Bool) {
    let rewrite = body.rewrite
    let rewritesHost = rewrite?.defaultTargetHostname != "DISABLED"
    guard body.kind != .grpc else { return (.keep, rewritesHost) }
    let prefix = body.match?.prefix
    let hasPathMatch = body.match?.pathExact != nil || body.match?.pathRegex != nil
    if let rewrite, rewrite.defaultPrefix != nil || rewrite.prefixValue != nil {
      let source = field(rewrite.source, "prefix")
      if prefix == nil {
        error("model.invalid-rewrite", "a prefix rewrite needs a prefix match", at: source)
      }
      if rewrite.defaultPrefix != nil && rewrite.prefixValue != nil {
        error(
          "model.invalid-rewrite", "a prefix rewrite takes 'defaultPrefix' or 'value', not both",
          at: source)
      }
      if let value = rewrite.prefixValue, !(value.hasPrefix("/") && value.hasSuffix("/")) {
        error(
          "model.invalid-rewrite", "prefix rewrite value '\(value)' must start and end with '/'",
          at: field(source, "value"), hint: "for example \"/red/\"")
      }
    }
    if let rewrite, rewrite.pathExact != nil, !hasPathMatch {
      error(
        "model.invalid-rewrite", "a path rewrite needs a path match (exact or regex)",
        at: field(rewrite.source, "path"))
    }
    if let prefix {
      if let value = rewrite?.prefixValue {
        return (.replacePrefix(matched: prefix, with: value), rewritesHost)
      }
      if rewrite?.defaultPrefix == "DISABLED" { return (.keep, rewritesHost) }
      return (.replacePrefix(matched: prefix, with: "/"), rewritesHost)
    }
    if hasPathMatch, let path = rewrite?.pathExact { return (.replacePath(path), rewritesHost) }
    return (.keep, rewritesHost)
  }
}
