import Diagnostics
import RouteMatching
import ScenarioFormat

/// `meshsim check` findings for App Mesh: configurations App Mesh accepts but that probably do
/// not do what their author meant (AWS behaviour §1.3, §1.6, §1.7, §6 C3).
///
/// * a route or gateway route that can never match because an earlier one covers it;
/// * routes whose relative order App Mesh does not define (same priority, same prefix length);
/// * weighted targets of one route sent to different ports;
/// * an application calling a virtual service its node does not declare as a backend;
/// * a backend virtual service name that DNS cannot resolve (the call fails in the application);
/// * a task joining the mesh without `proxyConfiguration`, or whose `AppPorts` differ from its
///   node's listener ports.
public enum AppMeshAnalysis {
  public static func run(_ model: NetworkModel) -> [Diagnostic] {
    let appMesh = model.appMesh
    guard !appMesh.isEmpty else { return [] }
    let config = appMesh.initial
    var findings: [Diagnostic] = []
    findings += routeFindings(config)
    findings += undeclaredBackendFindings(model, config)
    findings += unresolvableServiceFindings(model, config)
    findings += taskFindings(model, config)
    return findings
  }

  /// Shadowed routes, ties and weighted targets on different ports.
  static func routeFindings(_ config: AppMeshConfiguration) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for router in config.virtualRouters {
      for listener in router.listeners {
        for pair in listener.table.shadowedRules() {
          let shadowed = config.routes[listener.table.rules[pair.shadowed].action]
          let by = config.routes[listener.table.rules[pair.by].action]
          findings.append(
            Diagnostic.warning(
              "analysis.appmesh-route-shadowed",
              "\(shadowed.label) of router '\(router.name)' can never match: \(by.label) comes first and matches every request it matches",
              at: shadowed.source,
              hint: "give it a lower priority number than \(by.name), or narrow \(by.name)'s match")
          )
        }
        for (a, b) in listener.ties {
          findings.append(
            Diagnostic.warning(
              "analysis.appmesh-route-tie",
              "routes '\(config.routes[a].name)' and '\(config.routes[b].name)' of router '\(router.name)' tie (\(config.routes[a].priority.map { "priority \($0)" } ?? "no priority"), same match length): App Mesh does not define which is tried first",
              at: config.routes[b].source,
              hint: "give them distinct priorities; MeshSim tries them in name order"))
        }
      }
    }
    for route in config.routes where Set(route.targets.map(\.port)).count > 1 {
      findings.append(
        Diagnostic.warning(
          "analysis.appmesh-target-ports-differ",
          "\(route.label) sends to weighted targets on different ports (\(route.targets.map { "\(config.virtualNodes[$0.node].name):\($0.port)" }.joined(separator: ", ")))",
          at: route.source,
          hint: "App Mesh can silently drop such a route; keep the targets of one route on one port"
        ))
    }
    for gateway in config.virtualGateways {
      for listener in gateway.routeListeners {
        for pair in listener.table.shadowedRules() {
          let shadowed = config.gatewayRoutes[listener.table.rules[pair.shadowed].action]
          let by = config.gatewayRoutes[listener.table.rules[pair.by].action]
          findings.append(
            Diagnostic.warning(
              "analysis.appmesh-route-shadowed",
              "\(shadowed.label) of virtual gateway '\(gateway.name)' can never match: \(by.label) comes first and matches every request it matches",
              at: shadowed.source))
        }
        for (a, b) in listener.ties {
          findings.append(
            Diagnostic.warning(
              "analysis.appmesh-route-tie",
              "gateway routes '\(config.gatewayRoutes[a].name)' and '\(config.gatewayRoutes[b].name)' of '\(gateway.name)' tie: App Mesh does not define which is tried first",
              at: config.gatewayRoutes[b].source))
        }
      }
    }
    return findings
  }

  /// URLs the tasks of each virtual node call (behaviours and traffic streams), with their source.
  /// Calls on ports the task's `EgressIgnoredPorts` (or port 22) send around Envoy are left out.
  static func calls(of node: Int, in model: NetworkModel) -> [(host: String, source: SourceRef)] {
    var result: [(String, SourceRef)] = []
    for (index, definition) in model.taskDefinitions.enumerated()
    where model.appMesh.identities.indices.contains(index)
      && model.appMesh.identities[index] == .virtualNode(node)
    {
      func intercepted(_ url: RequestURL) -> Bool {
        url.port != 22 && !(definition.proxy?.egressIgnoredPorts.contains(url.port) ?? false)
      }
      for container in definition.containers {
        guard let behavior = container.behavior else { continue }
        for plan in [behavior.plan] + behavior.rules.map(\.plan) {
          for url in [plan.proxyPass].compactMap({ $0 }) + plan.calls.map(\.url) {
            if let parsed = RequestURL.parse(url), intercepted(parsed) {
              result.append((parsed.host, plan.source ?? definition.spec.source))
            }
          }
        }
      }
      for stream in model.traffic {
        let service: Int?
        switch stream.origin {
        case .service(let s), .task(let s, _): service = s
        default: service = nil
        }
        if let service, model.services[service].taskDefinition == index,
          let parsed = RequestURL.parse(stream.url),
          intercepted(parsed)
        {
          result.append((parsed.host, stream.source))
        }
      }
    }
    return result
  }

  static func undeclaredBackendFindings(_ model: NetworkModel, _ config: AppMeshConfiguration)
    -> [Diagnostic]
  {
    var findings: [Diagnostic] = []
    for (index, node) in config.virtualNodes.enumerated() {
      for call in calls(of: index, in: model) {
        guard let service = config.service(named: call.host, inMesh: node.mesh),
          !node.declares(service)
        else { continue }
        let filter = config.meshes[node.mesh].egressFilter
        findings.append(
          Diagnostic.warning(
            "analysis.appmesh-undeclared-backend",
            "virtual node '\(node.name)' calls virtual service '\(config.virtualServices[service].name)' without declaring it as a backend",
            at: call.source,
            hint: filter == .dropAll
              ? "under DROP_ALL its Envoy refuses the call; add it to spec.backends"
              : "under ALLOW_ALL the call bypasses the virtual service's routing; add it to spec.backends"
          ))
      }
    }
    return findings
  }

  static func unresolvableServiceFindings(_ model: NetworkModel, _ config: AppMeshConfiguration)
    -> [Diagnostic]
  {
    var findings: [Diagnostic] = []
    var reported: Set<Int> = []
    for node in config.virtualNodes {
      for backend in node.backends where reported.insert(backend.service).inserted {
        let name = config.virtualServices[backend.service].name.lowercased()
        let cloudMap = model.discoveryServices.contains { $0.fullName == name && $0.hasARecords }
        let external = model.externals.contains { $0.hostnames.contains(name) }
        if cloudMap || external || name.hasSuffix(".amazonaws.com") { continue }
        findings.append(
          Diagnostic.warning(
            "analysis.appmesh-unresolvable-service",
            "no DNS record answers virtual service name '\(config.virtualServices[backend.service].name)': applications fail to resolve it before Envoy sees the request",
            at: config.virtualServices[backend.service].source,
            hint:
              "register the name in Cloud Map (or any DNS) with an A record to any non-loopback address"
          ))
      }
    }
    return findings
  }

  static func taskFindings(_ model: NetworkModel, _ config: AppMeshConfiguration) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (index, definition) in model.taskDefinitions.enumerated()
    where model.appMesh.identities.indices.contains(index) {
      guard case .virtualNode(let node)? = model.appMesh.identities[index] else { continue }
      let virtualNode = config.virtualNodes[node]
      guard let proxy = definition.proxy else {
        if !virtualNode.listeners.isEmpty || !virtualNode.backends.isEmpty {
          findings.append(
            Diagnostic.warning(
              "analysis.appmesh-no-proxy-configuration",
              "task definition '\(definition.family)' runs Envoy as virtual node '\(virtualNode.name)' but has no proxyConfiguration: its traffic bypasses Envoy",
              at: definition.spec.source,
              hint:
                "add proxyConfiguration (type APPMESH) with AppPorts, IgnoredUID and the proxy ports"
            ))
        }
        continue
      }
      let listenerPorts = Set(virtualNode.listeners.map(\.port))
      let appPorts = Set(proxy.appPorts)
      if listenerPorts != appPorts {
        findings.append(
          Diagnostic.warning(
            "analysis.appmesh-app-port-mismatch",
            "AppPorts \(proxy.appPorts.map(String.init).joined(separator: ",")) of '\(definition.family)' differ from the listener ports of '\(virtualNode.name)' (\(virtualNode.listeners.map { String($0.port) }.joined(separator: ",")))",
            at: definition.spec.source,
            hint:
              "inbound traffic on a listener port missing from AppPorts bypasses Envoy; an AppPort without a listener is closed by Envoy"
          ))
      }
    }
    return findings
  }
}
