import ScenarioFormat

extension MigrationState {
  /// VPC Lattice: a service network associated with every VPC; a target group per virtual node
  /// that ECS runs (filled through `vpcLatticeConfigurations`, health checks carried over); a
  /// Lattice service per virtual service whose rules are the router's routes; a Lattice service
  /// per virtual gateway whose rules are its gateway routes. Callers switch to the Lattice DNS
  /// names; the gateway tasks are no longer needed.
  mutating func toLattice() {
    let region = document["region"]?.stringValue ?? "us-east-1"
    let meshName =
      inventory.root["appMesh"]?["meshes"]?.elements.first?["meshName"]?.stringValue ?? "mesh"
    let network = LatticeNaming.serviceName(meshName)
    var lattice: [String: [JSONOutput]] = [:]
    lattice["serviceNetworks"] = [["name": .string(network), "authType": "NONE"]]
    for vpc in (document["ec2"]?["vpcs"]?.elements ?? []).compactMap({ $0["VpcId"]?.stringValue }) {
      lattice["serviceNetworkVpcAssociations", default: []].append([
        "serviceNetworkIdentifier": .string(network), "vpcIdentifier": .string(vpc),
      ])
    }
    // Target groups: one per virtual node that ECS runs.
    var groups: [String: String] = [:]
    for node in inventory.nodes {
      let runners = inventory.ecsServices(running: node.name)
      guard let first = runners.first else { continue }
      let group = LatticeNaming.serviceName(node.name) + "-tg"
      groups[node.name] = group
      var config: [String: JSONOutput] = [
        "port": .int(Int64(node.port ?? 80)), "protocol": "HTTP",
        "protocolVersion": .string(
          Self.protocolVersion(node.listener?["portMapping"]?["protocol"]?.stringValue)),
      ]
      if let vpc = vpc(ofService: first) { config["vpcIdentifier"] = .string(vpc) }
      config["healthCheck"] = Self.healthCheck(node.listener?["healthCheck"])
      lattice["targetGroups", default: []].append([
        "name": .string(group), "type": "IP", "config": .object(config),
      ])
      for ecsName in runners {
        let portName =
          self.portName(ecsService: ecsName, port: node.port) ?? "port-\(node.port ?? 80)"
        updateService(ecsName) { service in
          service["vpcLatticeConfigurations"] = [
            [
              "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLattice",
              "targetGroupArn": .string(group), "portName": .string(portName),
            ]
          ]
        }
        allowLattice(toService: ecsName, port: node.port ?? 80)
      }
      changes.append(
        "virtual node \(node.name) → Lattice target group \(group) filled by ECS service(s) "
          + runners.joined(separator: ", "))
    }
    // Lattice services: one per virtual service, one per virtual gateway.
    var hosts: [String: String] = [:]
    var used: Set<String> = []
    func uniqueName(_ raw: String) -> String {
      var name = LatticeNaming.serviceName(raw)
      var suffix = 2
      while used.contains(name) {
        name = String(LatticeNaming.serviceName(raw).prefix(36)) + "-\(suffix)"
        suffix += 1
      }
      used.insert(name)
      return name
    }
    for service in inventory.services {
      let targets = inventory.defaultTargets(of: service)
      guard targets.contains(where: { groups[$0.node] != nil }) else {
        changes.append(
          "virtual service \(service.name) is provided by no ECS service (an outside endpoint): callers "
            + "reach it directly")
        continue
      }
      let name = uniqueName(service.name)
      let dns = LatticeNaming.dnsName(name, salt: meshName, region: region)
      hosts[service.name.lowercased()] = dns
      let port = inventory.port(of: service) ?? 80
      var routes:
        [(name: String, match: JSONOutput?, targets: [(node: String, weight: Int)], kind: String)] =
          []
      if let router = service.router.flatMap(inventory.router) {
        routes = router.routes.map { ($0.name, $0.match, $0.targets, $0.kind) }
      } else {
        routes = [("default", nil, targets, "httpRoute")]
      }
      addLatticeService(
        name, dns: dns, port: port, routes: routes, groups: groups, into: &lattice, network: network
      )
      changes.append("virtual service \(service.name) → Lattice service \(name) (\(dns):\(port))")
    }
    for gateway in inventory.gateways {
      let name = uniqueName(gateway.name)
      let dns = LatticeNaming.dnsName(name, salt: meshName, region: region)
      let port = gateway.port ?? 80
      let routes = gateway.routes.compactMap {
        route -> (String, JSONOutput?, [(node: String, weight: Int)], String)? in
        guard let target = route.target.flatMap(inventory.virtualService) else { return nil }
        return (route.name, route.body["match"], inventory.defaultTargets(of: target), route.kind)
      }
      addLatticeService(
        name, dns: dns, port: port, routes: routes, groups: groups, into: &lattice,
        network: network,
        catchAllDefault: false)
      for ecsName in inventory.ecsServices(runningGateway: gateway.name) {
        let addressedDirectly = document.rendered(pretty: false).contains("{{ip:\(ecsName)/")
        if ecsService(ecsName)?["loadBalancers"]?.elements.isEmpty == false || addressedDirectly {
          // A load balancer brings outside traffic, which cannot reach Lattice's link-local
          // addresses, or callers use the tasks' addresses: the tasks stay, as a proxy to the
          // Lattice service.
          replaceWithProxy(
            ecsName, port: port, behavior: ["proxyPass": .string("http://\(dns):\(port)")])
          changes.append(
            "virtual gateway \(gateway.name) → Lattice service \(name) (\(dns):\(port)) takes its routes; "
              + "ECS service \(ecsName) stays as a proxy to it for callers that reach its tasks directly or through a load "
              + "balancer (the internet cannot reach Lattice)")
          continue
        }
        for host in registeredNames(ofService: ecsName) { hosts[host] = dns }
        removeService(ecsName)
        changes.append(
          "virtual gateway \(gateway.name): ECS service \(ecsName) removed; Lattice service \(name) "
            + "(\(dns):\(port)) takes its routes")
      }
    }
    document["lattice"] = .object(lattice.mapValues(JSONOutput.array))
    rewriteHosts(hosts)
    changes.append(
      "callers use the Lattice DNS names (custom domain names would keep the old ones, with a DNS record each)"
    )
  }

  /// Adds a Lattice service with an HTTP listener on `port`: its rules are `routes` in order; a
  /// catch-all route becomes the default action, otherwise the default answers 404 (like
  /// Envoy's "no route").
  mutating func addLatticeService(
    _ name: String, dns: String, port: Int,
    routes: [(
      name: String, match: JSONOutput?, targets: [(node: String, weight: Int)],
      kind: String
    )],
    groups: [String: String], into lattice: inout [String: [JSONOutput]], network: String,
    catchAllDefault: Bool = true
  ) {
    lattice["services", default: []].append([
      "name": .string(name), "authType": "NONE", "dnsEntry": ["domainName": .string(dns)],
      "id": .string(LatticeNaming.serviceID(name, salt: dns)),
    ])
    lattice["serviceNetworkServiceAssociations", default: []].append([
      "serviceNetworkIdentifier": .string(network), "serviceIdentifier": .string(name),
    ])
    var defaultAction: JSONOutput = ["fixedResponse": ["statusCode": 404]]
    var priority = 0
    for route in routes {
      if route.kind == "tcpRoute" {
        lose(
          "TCP routes", "route \(route.name)",
          "Lattice forwards TCP only behind TLS passthrough listeners; the route is "
            + "dropped", "VL-TLS")
        continue
      }
      let forwardTargets: [JSONOutput] = route.targets.compactMap { target in
        groups[target.node].map {
          ["targetGroupIdentifier": .string($0), "weight": .int(Int64(target.weight))]
        }
      }
      guard !forwardTargets.isEmpty else { continue }
      let action: JSONOutput = ["forward": ["targetGroups": .array(forwardTargets)]]
      if catchAllDefault && MeshInventory.isCatchAll(route.match) {
        defaultAction = action
        break
      }
      guard let match = latticeMatch(route.match, route: route.name) else { continue }
      priority += 1
      lattice["rules", default: []].append([
        "serviceIdentifier": .string(name), "listenerIdentifier": "http",
        "name": .string(LatticeNaming.serviceName(route.name)), "priority": .int(Int64(priority)),
        "match": match, "action": action,
      ])
    }
    lattice["listeners", default: []].append([
      "serviceIdentifier": .string(name), "name": "http", "protocol": "HTTP",
      "port": .int(Int64(port)),
      "defaultAction": defaultAction,
    ])
  }

  /// An App Mesh route match as a Lattice `httpMatch`; parts Lattice cannot express are losses.
  mutating func latticeMatch(_ match: JSONOutput?, route: String) -> JSONOutput? {
    let match = match ?? .object([:])
    var http: [String: JSONOutput] = [:]
    if let prefix = match["prefix"]?.stringValue {
      http["pathMatch"] = ["match": ["prefix": .string(prefix)], "caseSensitive": true]
    } else if let exact = match["path"]?["exact"]?.stringValue {
      http["pathMatch"] = ["match": ["exact": .string(exact)], "caseSensitive": true]
    } else if match["path"]?["regex"] != nil {
      lose(
        "regular-expression paths", "route \(route)",
        "Lattice matches exact paths and prefixes only; the regex is "
          + "dropped", "BC-VL")
    }
    if let method = match["method"]?.stringValue { http["method"] = .string(method) }
    var headers: [JSONOutput] = []
    for header in match["headers"]?.elements ?? [] {
      guard let name = header["name"]?.stringValue else { continue }
      let kind = ["exact", "prefix"].first { header["match"]?[$0] != nil }
      if header["invert"] == .bool(true) || kind == nil {
        lose(
          "header matching", "route \(route)",
          "Lattice matches headers by exact value, prefix or substring, never "
            + "inverted; the '\(name)' condition is dropped", "BC-VL")
        continue
      }
      headers.append([
        "name": .string(name), "match": [kind!: header["match"]![kind!]!], "caseSensitive": true,
      ])
    }
    if !headers.isEmpty { http["headerMatches"] = .array(Array(headers.prefix(5))) }
    if match["queryParameters"] != nil {
      lose(
        "query matching", "route \(route)", "Lattice rules cannot match query parameters", "BC-VL")
    }
    if http.isEmpty {
      lose(
        "routing", "route \(route)", "nothing of its match carries over; the route is dropped",
        "BC-VL")
      return nil
    }
    return ["httpMatch": .object(http)]
  }

  static func protocolVersion(_ meshProtocol: String?) -> String {
    switch meshProtocol {
    case "http2": "HTTP2"
    case "grpc": "GRPC"
    default: "HTTP1"
    }
  }

  /// A virtual node's listener health check as a Lattice target-group health check.
  static func healthCheck(_ check: JSONOutput?) -> JSONOutput {
    guard let check else { return ["enabled": true, "path": "/"] }
    var out: [String: JSONOutput] = [
      "enabled": true, "path": .string(check["path"]?.stringValue ?? "/"),
    ]
    if let interval = check["intervalMillis"]?.intValue {
      out["healthCheckIntervalSeconds"] = .int(Int64(min(300, max(5, interval / 1000))))
    }
    if let timeout = check["timeoutMillis"]?.intValue {
      out["healthCheckTimeoutSeconds"] = .int(Int64(min(120, max(1, timeout / 1000))))
    }
    if let healthy = check["healthyThreshold"]?.intValue {
      out["healthyThresholdCount"] = .int(Int64(min(10, max(2, healthy))))
    }
    if let unhealthy = check["unhealthyThreshold"]?.intValue {
      out["unhealthyThresholdCount"] = .int(Int64(min(10, max(2, unhealthy))))
    }
    return .object(out)
  }

  /// The VPC of an ECS service's first subnet.
  func vpc(ofService name: String) -> String? {
    guard
      let subnet = ecsService(name)?["networkConfiguration"]?["awsvpcConfiguration"]?["subnets"]?
        .elements.first?.stringValue
    else { return nil }
    return document["ec2"]?["subnets"]?.elements.first { $0["SubnetId"]?.stringValue == subnet }?[
      "VpcId"]?.stringValue
  }

  /// Lets Lattice (its managed prefix list) reach an ECS service's tasks on `port`.
  mutating func allowLattice(toService name: String, port: Int) {
    let ids =
      (ecsService(name)?["networkConfiguration"]?["awsvpcConfiguration"]?["securityGroups"]?
      .elements ?? [])
      .compactMap(\.stringValue)
    var groups = document["ec2"]?["securityGroups"]?.elements ?? []
    for index in groups.indices {
      guard let id = groups[index]["GroupId"]?.stringValue, ids.contains(id) else { continue }
      var permissions = groups[index]["IpPermissions"]?.elements ?? []
      let rule: JSONOutput = [
        "IpProtocol": "tcp", "FromPort": .int(Int64(port)), "ToPort": .int(Int64(port)),
        "PrefixListIds": [["PrefixListId": "pl-vpc-lattice", "Description": "VPC Lattice"]],
      ]
      if !permissions.contains(rule) {
        permissions.append(rule)
        changes.append("security group \(id) admits VPC Lattice (pl-vpc-lattice) on tcp/\(port)")
      }
      groups[index]["IpPermissions"] = .array(permissions)
    }
    document["ec2"]?["securityGroups"] = .array(groups)
  }

  /// The Cloud Map DNS names an ECS service registers under (`service.namespace`).
  func registeredNames(ofService name: String) -> [String] {
    let cloudMap = document["cloudMap"] ?? .object([:])
    let namespaces = cloudMap["namespaces"]?.elements ?? []
    return (ecsService(name)?["serviceRegistries"]?.elements ?? []).compactMap {
      registry -> String? in
      guard let arn = registry["registryArn"]?.stringValue else { return nil }
      let id = arn.split(separator: "/").last.map(String.init) ?? arn
      guard
        let service = cloudMap["services"]?.elements.first(where: {
          $0["Id"]?.stringValue == id || $0["Name"]?.stringValue == id
        }), let serviceName = service["Name"]?.stringValue
      else { return nil }
      let namespaceID = service["NamespaceId"]?.stringValue
      guard
        let namespace = namespaces.first(where: {
          $0["Id"]?.stringValue == namespaceID || $0["Name"]?.stringValue == namespaceID
        }
        )?["Name"]?.stringValue
      else { return nil }
      return "\(serviceName).\(namespace)".lowercased()
    }
  }

  /// Removes an ECS service, the events that act on it and, when nothing else uses it, its task
  /// definition.
  mutating func removeService(_ name: String) {
    if let events = document["events"]?.elements {
      let kept = events.filter { event in
        let service = event["updateService"]?["service"]?.stringValue
        let task =
          event["stopTask"]?["task"]?.stringValue ?? event["failHealthChecks"]?["task"]?.stringValue
          ?? event["recoverHealthChecks"]?["task"]?.stringValue
        let hits = service == name || task.map { $0.hasPrefix(name + "/") } == true
        if hits {
          lose(
            "events", "event at \(event["at"]?.stringValue ?? "?")",
            "it acts on \(name), which is gone", "AM-EOL")
        }
        return !hits
      }
      document["events"] = .array(kept)
    }
    let family = ecsService(name)?["taskDefinition"]?.stringValue.map(MeshInventory.family)
    let services = (document["ecs"]?["services"]?.elements ?? []).filter {
      $0["serviceName"]?.stringValue != name
    }
    document["ecs"]?["services"] = .array(services)
    if let family,
      !services.contains(where: {
        $0["taskDefinition"]?.stringValue.map(MeshInventory.family) == family
      })
    {
      let definitions = (document["ecs"]?["taskDefinitions"]?.elements ?? []).filter {
        $0["family"]?.stringValue != family
      }
      document["ecs"]?["taskDefinitions"] = .array(definitions)
    }
  }
}
