import ScenarioFormat
import SimKernel

extension AppMeshResolver {
  /// A virtual node: listeners, service discovery (exactly one kind, required with listeners),
  /// backends and client policies (AWS behaviour §1.5).
  func resolveNode(_ spec: VirtualNodeSpec, mesh: Int) -> VirtualNode {
    let specSource = field(spec.source, "spec")
    let listeners = resolveListeners(
      spec.listeners, owner: "virtual node '\(spec.virtualNodeName)'", gateway: false)
    var discovery: MeshServiceDiscovery?
    let discoverySource = field(specSource, "serviceDiscovery")
    if spec.serviceDiscovery.count > 1 {
      error(
        "model.exactly-one-of", "serviceDiscovery is exactly one of dns or awsCloudMap",
        at: discoverySource)
    } else if let first = spec.serviceDiscovery.first {
      discovery = resolveDiscovery(first)
    } else if !listeners.isEmpty {
      error(
        "schema.missing-key",
        "virtual node '\(spec.virtualNodeName)' has listeners but no serviceDiscovery",
        at: specSource,
        hint: "App Mesh needs dns or awsCloudMap discovery to find the node's endpoints")
    }
    var backends: [VirtualNode.Backend] = []
    for (offset, backend) in spec.backends.enumerated() {
      let source = field(
        field(field(specSource, "backends", index: offset), "virtualService"), "virtualServiceName")
      guard
        let service = resolve(
          backend.virtualServiceName, in: serviceTables[mesh], kind: "virtual service",
          mesh: mesh, at: source)
      else { continue }
      if backends.contains(where: { $0.service == service }) {
        warning(
          "model.duplicate-backend",
          "virtual service '\(backend.virtualServiceName)' is listed twice as a backend",
          at: backend.source)
        continue
      }
      let policy = backend.clientPolicy.flatMap { resolveClientPolicy($0) }
      backends.append(.init(service: service, clientPolicy: policy, source: backend.source))
    }
    let defaults = spec.backendDefaults.flatMap { resolveClientPolicy($0) }
    return VirtualNode(
      name: spec.virtualNodeName, mesh: mesh, listeners: listeners, discovery: discovery,
      backends: backends, backendDefaults: defaults, source: spec.source)
  }

  func resolveDiscovery(_ spec: VirtualNodeSpec.ServiceDiscovery) -> MeshServiceDiscovery {
    switch spec {
    case .dns(let hostname, let responseType, _):
      return .dns(hostname: hostname.lowercased(), allEndpoints: responseType == "ENDPOINTS")
    case .cloudMap(let namespace, let service, let attributes, let source):
      let key = "\(service).\(namespace)".lowercased()
      let index = builder.discoveryServiceTable.lookup(key)
      if index == nil {
        warning(
          "model.unknown-cloud-map-service",
          "Cloud Map service '\(service)' in namespace '\(namespace)' is not declared in cloudMap; the node will have no endpoints",
          at: source,
          hint:
            "declare the namespace and service under cloudMap and register tasks with serviceRegistries"
        )
      }
      return .cloudMap(
        service: index, namespaceName: namespace.lowercased(), serviceName: service.lowercased(),
        attributes: attributes)
    }
  }

  /// Listeners of a node or gateway: unique ports, health checks on the listener port, one
  /// connection pool and one timeout matching the listener protocol, TLS shapes.
  func resolveListeners(_ specs: [MeshListenerSpec], owner: String, gateway: Bool) -> [MeshListener]
  {
    var seen: Set<Int> = []
    var listeners: [MeshListener] = []
    for spec in specs {
      if !seen.insert(spec.port).inserted {
        error(
          "model.duplicate-listener-port", "\(owner) has two listeners on port \(spec.port)",
          at: spec.source)
        continue
      }
      listeners.append(resolveListener(spec, owner: owner))
    }
    return listeners
  }

  func resolveListener(_ spec: MeshListenerSpec, owner: String) -> MeshListener {
    let check = spec.healthCheck.map { resolveHealthCheck($0, listenerPort: spec.port) }
    let outlier = spec.outlierDetection.map {
      OutlierDetectionPolicy(
        maxServerErrors: $0.maxServerErrors, interval: $0.interval,
        baseEjectionDuration: $0.baseEjectionDuration, maxEjectionPercent: $0.maxEjectionPercent)
    }
    let pool = resolveConnectionPool(spec)
    var perRequest = MeshListener.defaultPerRequestTimeout
    var explicit = false
    if spec.timeouts.count > 1 {
      error(
        "model.exactly-one-of", "timeout is exactly one of http, http2, grpc or tcp",
        at: field(spec.source, "timeout"))
    } else if let timeout = spec.timeouts.first {
      if timeout.protocolName != spec.protocolName {
        error(
          "model.invalid-timeout",
          "a \(timeout.protocolName.rawValue) timeout on a \(spec.protocolName.rawValue) listener",
          at: timeout.source, hint: "the timeout must match the listener protocol")
      }
      if let value = timeout.perRequest {
        perRequest = value
        explicit = true
      }
    }
    let tls = spec.tls.flatMap { resolveListenerTLS($0) }
    return MeshListener(
      port: spec.port, protocolName: spec.protocolName, healthCheck: check,
      outlierDetection: outlier,
      connectionPool: pool, perRequestTimeout: perRequest, hasExplicitTimeout: explicit, tls: tls,
      source: spec.source)
  }

  /// A listener's active health check, with the path HTTP checks need.
  func resolveHealthCheck(_ hc: MeshListenerSpec.HealthCheck, listenerPort: Int)
    -> HealthCheckPolicy
  {
    if let port = hc.port, port != listenerPort {
      error(
        "model.invalid-health-check",
        "the health check port \(port) must be the listener port \(listenerPort)",
        at: field(hc.source, "port"))
    }
    if (hc.protocolName == .http || hc.protocolName == .http2) && hc.path == nil {
      error(
        "schema.missing-key", "an \(hc.protocolName.rawValue) health check needs 'path'",
        at: hc.source,
        hint: "the walkthroughs use \"path\": \"/ping\"")
    }
    return HealthCheckPolicy(
      protocolName: hc.protocolName, path: hc.path, port: hc.port,
      healthyThreshold: hc.healthyThreshold,
      unhealthyThreshold: hc.unhealthyThreshold,
      interval: .milliseconds(Int64(hc.intervalMillis)),
      timeout: .milliseconds(Int64(hc.timeoutMillis)))
  }

  /// A listener's connection pool: at most one, of the listener's protocol, with App Mesh's
  /// defaults (2147483647) for the limits not written.
  func resolveConnectionPool(_ spec: MeshListenerSpec) -> ConnectionPoolLimits? {
    guard spec.connectionPools.count <= 1 else {
      error(
        "model.exactly-one-of", "connectionPool is exactly one of tcp, http, http2 or grpc",
        at: field(spec.source, "connectionPool"))
      return nil
    }
    guard let member = spec.connectionPools.first else { return nil }
    if member.protocolName != spec.protocolName {
      error(
        "model.invalid-connection-pool",
        "a \(member.protocolName.rawValue) connection pool on a \(spec.protocolName.rawValue) listener",
        at: member.source, hint: "the connection pool must match the listener protocol")
    }
    switch member.protocolName {
    case .http:
      return ConnectionPoolLimits(
        protocolName: .http, maxActive: member.maxConnections ?? Int(Int32.max),
        maxPending: member.maxPendingRequests ?? Int(Int32.max))
    case .tcp:
      return ConnectionPoolLimits(
        protocolName: .tcp, maxActive: member.maxConnections ?? Int(Int32.max), maxPending: 0)
    case .http2, .grpc:
      return ConnectionPoolLimits(
        protocolName: member.protocolName, maxActive: member.maxRequests ?? Int(Int32.max),
        maxPending: 0)
    }
  }
}
