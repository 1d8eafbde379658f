import ScenarioFormat

extension MigrationState {
  /// Service Connect: every ECS service of the mesh joins one namespace; the service running a
  /// virtual service's (heaviest) provider owns a client alias with the virtual service's own
  /// name and port, so callers keep their URLs; virtual gateways become proxies with one
  /// location per gateway route.
  mutating func toServiceConnect() {
    let namespace = serviceConnectNamespace()
    var entries: [String: [JSONOutput]] = [:]
    var discoveryNames: Set<String> = []
    for service in inventory.services {
      let targets = inventory.defaultTargets(of: service)
      let heaviest = targets.map(\.weight).max()
      guard let owner = targets.first(where: { $0.weight == heaviest })?.node,
        let ecsName = inventory.ecsServices(running: owner).first
      else {
        changes.append(
          "virtual service \(service.name) is provided by no ECS service (an outside endpoint): callers "
            + "reach it directly")
        continue
      }
      let port = inventory.port(of: service) ?? inventory.node(owner)?.port ?? 80
      var discovery = LatticeNaming.serviceName(service.name)
      var suffix = 2
      while discoveryNames.contains(discovery) {
        discovery = "\(LatticeNaming.serviceName(service.name))-\(suffix)"
        suffix += 1
      }
      discoveryNames.insert(discovery)
      guard let portName = portName(ecsService: ecsName, port: inventory.node(owner)?.port) else {
        continue
      }
      entries[ecsName, default: []].append([
        "portName": .string(portName), "discoveryName": .string(discovery),
        "clientAliases": [["port": .int(Int64(port)), "dnsName": .string(service.name)]],
      ])
      changes.append(
        "virtual service \(service.name) → Service Connect alias \(service.name):\(port) on ECS service \(ecsName)"
      )
      let weighted = targets.filter { $0.weight > 0 }
      if weighted.count > 1 {
        let split = weighted.map { "\($0.node) \($0.weight)" }.joined(separator: ", ")
        lose(
          "weighted routing", "virtual service \(service.name)",
          "the router split traffic (\(split)); every request "
            + "now goes to \(owner)", "AM-EOL-SUM")
      }
      if let router = service.router.flatMap(inventory.router),
        router.routes.count > 1
          || router.routes.contains(where: { !MeshInventory.isCatchAll($0.match) })
      {
        let names = router.routes.map(\.name).joined(separator: ", ")
        lose(
          "path, header and method routing", "virtual router \(router.name)",
          "its routes (\(names)) matched requests "
            + "by path, headers or method; Service Connect sends all of \(service.name) to \(owner)",
          "AM-EOL-SUM, BC-ECS")
      }
    }
    for gateway in inventory.gateways { gatewayToProxy(gateway) }
    let members = inventory.roles.keys.sorted()
    for name in members {
      let services = entries[name] ?? []
      updateService(name) { service in
        var configuration: [String: JSONOutput] = [
          "enabled": true, "namespace": .string(namespace),
        ]
        if !services.isEmpty { configuration["services"] = .array(services) }
        service["serviceConnectConfiguration"] = .object(configuration)
      }
    }
    changes.append(
      "ECS services \(members.joined(separator: ", ")) join Service Connect namespace \(namespace)")
    changes.append(
      "Service Connect reads endpoints when tasks start: in a real migration deploy the servers before "
        + "the clients (a blue/green move to a new environment; an ECS service cannot be in a mesh and a namespace at once)"
    )
  }

  /// The namespace the virtual nodes discovered each other in, else the scenario's first, else a
  /// new HTTP namespace named after the mesh.
  mutating func serviceConnectNamespace() -> String {
    let namespaces = (document["cloudMap"]?["namespaces"]?.elements ?? []).compactMap {
      $0["Name"]?.stringValue
    }
    let used = inventory.nodes.compactMap {
      $0.spec["serviceDiscovery"]?["awsCloudMap"]?["namespaceName"]?.stringValue
    }
    if let name = used.first(where: namespaces.contains) ?? namespaces.first { return name }
    let name = LatticeNaming.serviceName(
      inventory.root["appMesh"]?["meshes"]?.elements.first?["meshName"]?.stringValue ?? "mesh")
    var cloudMap = document["cloudMap"] ?? .object([:])
    cloudMap["namespaces"] = .array([
      ["Name": .string(name), "Type": "HTTP", "Id": .string("ns-\(name)")]
    ])
    document["cloudMap"] = cloudMap
    changes.append("new Cloud Map HTTP namespace \(name) for Service Connect")
    return name
  }

  /// A virtual gateway's ECS service runs an nginx-style proxy instead of Envoy: one location per
  /// gateway route (in App Mesh's order), passing requests to the target's virtual service name,
  /// which the proxy resolves through Service Connect; anything else gets 404.
  mutating func gatewayToProxy(_ gateway: MeshInventory.Gateway) {
    let port = gateway.port ?? 8080
    var rules: [JSONOutput] = []
    for route in gateway.routes {
      guard let target = route.target, let service = inventory.virtualService(target) else {
        continue
      }
      let upstream = "http://\(target):\(inventory.port(of: service) ?? port)"
      let match = route.body["match"] ?? .object([:])
      if let exact = match["path"]?["exact"]?.stringValue {
        rules.append(["path": .string(exact), "proxyPass": .string(upstream)])
      } else if let prefix = match["prefix"]?.stringValue {
        rules.append(["prefix": .string(prefix), "proxyPass": .string(upstream)])
      } else {
        lose(
          "gateway route matching", "gateway route \(route.name)",
          "only path prefixes and exact paths carry over to the "
            + "proxy; this route is dropped", "AM-GWR")
        continue
      }
      if match["headers"] != nil || match["method"] != nil {
        lose(
          "header and method matching", "gateway route \(route.name)",
          "the proxy matches the path only", "AM-GWR")
      }
    }
    for ecsName in inventory.ecsServices(runningGateway: gateway.name) {
      replaceWithProxy(
        ecsName, port: port, behavior: ["status": 404, "body": "no route", "paths": .array(rules)])
      changes.append(
        "virtual gateway \(gateway.name) → ECS service \(ecsName) runs a proxy with \(rules.count) locations "
          + "(an ALB in front of the services is the other common choice)")
    }
  }

  /// The ECS service's tasks run one nginx-style proxy container (`ingress`) on `port` with
  /// `behavior`; load balancer attachments follow the new container.
  mutating func replaceWithProxy(_ ecsName: String, port: Int, behavior: JSONOutput) {
    updateTaskDefinition(ofService: ecsName) { definition in
      let proxy: JSONOutput = [
        "name": "ingress", "image": "nginx:stable", "essential": true,
        "portMappings": [
          [
            "name": .string("port-\(port)"), "containerPort": .int(Int64(port)), "protocol": "tcp",
            "appProtocol": "http",
          ]
        ],
        "behavior": behavior,
      ]
      definition["containerDefinitions"] = .array([proxy])
    }
    updateService(ecsName) { service in
      guard let attachments = service["loadBalancers"]?.elements else { return }
      service["loadBalancers"] = .array(
        attachments.map { attachment in
          var attachment = attachment
          attachment["containerName"] = "ingress"
          return attachment
        })
    }
  }
}
