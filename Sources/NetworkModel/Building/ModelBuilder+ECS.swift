import RouteMatching
import ScenarioFormat
import SimKernel

extension ModelBuilder {
  /// Clusters, task definitions (with behaviours and proxy configuration) and services.
  func buildECS() {
    let ecs = document.ecs
    for spec in ecs.clusters {
      let namespace = spec.serviceConnectNamespace.flatMap {
        namespaceTable.resolve(
          $0, at: field(field(spec.source, "serviceConnectDefaults"), "namespace"),
          diagnostics: diagnostics)
      }
      let arn = "arn:aws:ecs:\(document.region):\(document.accountID):cluster/\(spec.name)"
      if !clusterTable.declare(
        spec.name, aliases: [arn], index: model.clusters.count, source: spec.source)
      {
        duplicate("ECS cluster", spec.name, at: spec.source, table: clusterTable)
        continue
      }
      model.clusters.append(
        Cluster(name: spec.name, serviceConnectNamespace: namespace, source: spec.source))
    }
    for spec in ecs.taskDefinitions { buildTaskDefinition(spec) }
    for spec in ecs.services { buildService(spec) }
    for spec in ecs.tasks { buildStandaloneTask(spec) }
  }

  func buildTaskDefinition(_ spec: TaskDefinitionSpec) {
    if spec.networkMode != "awsvpc" {
      error(
        "model.unsupported-network-mode",
        "task definition '\(spec.family)' uses networkMode '\(spec.networkMode)'",
        at: field(spec.source, "networkMode"),
        hint: "MeshSim models awsvpc tasks (one ENI per task), the Fargate mode")
    }
    var containers: [TaskDefinition.Container] = []
    var seenPorts: [Int: String] = [:]
    for container in spec.containers {
      for mapping in container.portMappings {
        if let other = seenPorts[mapping.containerPort] {
          error(
            "model.duplicate-port",
            "port \(mapping.containerPort) is mapped by containers '\(other)' and '\(container.name)'",
            at: mapping.source)
        }
        seenPorts[mapping.containerPort] = container.name
      }
      containers.append(
        TaskDefinition.Container(
          name: container.name, ports: container.portMappings, environment: container.environment,
          behavior: container.behavior.map(applicationBehavior), user: container.user))
    }
    var proxy: ProxyConfiguration?
    if let config = spec.proxyConfiguration {
      proxy = proxyConfiguration(config, containers: containers, family: spec.family)
    }
    let arn = "arn:aws:ecs:\(document.region):\(document.accountID):task-definition/\(spec.family)"
    if !taskDefinitionTable.declare(
      spec.family, aliases: [arn, arn + ":1", spec.family + ":1"],
      index: model.taskDefinitions.count, source: spec.source)
    {
      duplicate("task definition", spec.family, at: spec.source, table: taskDefinitionTable)
      return
    }
    model.taskDefinitions.append(
      TaskDefinition(family: spec.family, containers: containers, proxy: proxy, spec: spec))
  }

  func proxyConfiguration(
    _ spec: ProxyConfigurationSpec, containers: [TaskDefinition.Container], family: String
  ) -> ProxyConfiguration? {
    if !containers.contains(where: { $0.name == spec.containerName }) {
      error(
        "model.unresolved-reference",
        "proxyConfiguration names container '\(spec.containerName)', which task definition '\(family)' does not have",
        at: field(spec.source, "containerName"))
    }
    func ports(_ name: String) -> [Int] {
      (spec.property(name) ?? "").split(separator: ",").compactMap { part in
        let text = part.trimmedOfSpaces
        guard let port = Int(text), (1...65535).contains(port) else {
          error(
            "model.invalid-proxy-property", "invalid port '\(text)' in \(name)", at: spec.source)
          return nil
        }
        return port
      }
    }
    let ignoredPorts = ports("EgressIgnoredPorts")
    if ignoredPorts.count > 15 {
      error(
        "model.invalid-proxy-property",
        "EgressIgnoredPorts lists \(ignoredPorts.count) ports; ECS accepts at most 15",
        at: spec.source)
    }
    let ignoredAddresses = (spec.property("EgressIgnoredIPs") ?? "").split(separator: ",")
      .compactMap { part -> CIDRBlock? in
        let text = part.trimmedOfSpaces
        guard let block = CIDRBlock(text) else {
          error(
            "model.invalid-proxy-property", "invalid address '\(text)' in EgressIgnoredIPs",
            at: spec.source)
          return nil
        }
        return block
      }
    if spec.property("IgnoredUID") == nil && spec.property("IgnoredGID") == nil {
      error(
        "model.invalid-proxy-property",
        "proxyConfiguration needs IgnoredUID or IgnoredGID (the Envoy container's user)",
        at: spec.source,
        hint: "App Mesh examples use IgnoredUID 1337 with the Envoy container running as user 1337")
    }
    return ProxyConfiguration(
      containerName: spec.containerName, appPorts: ports("AppPorts"),
      ingressPort: ports("ProxyIngressPort").first ?? 15000,
      egressPort: ports("ProxyEgressPort").first ?? 15001,
      egressIgnoredPorts: ignoredPorts, egressIgnoredAddresses: ignoredAddresses,
      ignoredUID: spec.property("IgnoredUID"))
  }

  /// Compiles a behaviour spec (also used by external endpoints).
  public func applicationBehavior(_ spec: BehaviorSpec) -> ApplicationBehavior {
    func plan(
      _ response: BehaviorSpec.Response, inheriting base: ApplicationBehavior.Plan?,
      source: SourceRef
    ) -> ApplicationBehavior.Plan {
      if response.proxyPass != nil && !response.calls.isEmpty {
        error(
          "model.conflicting-behavior", "a behavior cannot both 'proxyPass' and make 'calls'",
          at: source)
      }
      if let url = response.proxyPass { behaviorURLs.append((url, field(source, "proxyPass"))) }
      for (offset, call) in response.calls.enumerated() {
        behaviorURLs.append((call.url, field(field(source, "calls", index: offset), "url")))
      }
      var plan = ApplicationBehavior.Plan(
        status: response.status ?? base?.status ?? 200, body: response.body ?? base?.body,
        headers: response.headers.isEmpty ? base?.headers ?? [] : response.headers,
        latency: response.latency ?? base?.latency ?? .fixed(model.settings.application),
        failRatio: response.failRatio ?? base?.failRatio ?? .zero,
        failStatus: response.failStatus ?? base?.failStatus ?? 500,
        proxyPass: response.proxyPass, calls: response.calls,
        resetConnection: response.resetConnection, source: source)
      plan.failFor = response.failFor ?? base?.failFor
      plan.setFault = response.setFault
      plan.clearFault = response.clearFault
      return plan
    }
    let main = plan(spec.response, inheriting: nil, source: spec.source)
    let rules = spec.paths.map { rule -> (path: PathMatch, plan: ApplicationBehavior.Plan) in
      let match: PathMatch =
        rule.pathExact.map { .exact($0, caseSensitive: true) }
        ?? .prefix(rule.pathPrefix ?? "/", caseSensitive: true)
      var inherited = main
      inherited.proxyPass = nil
      inherited.calls = []
      return (match, plan(rule.response, inheriting: inherited, source: rule.source))
    }
    return ApplicationBehavior(
      plan: main, rules: rules, concurrency: spec.concurrency,
      upstreamTimeout: spec.upstreamTimeout ?? .seconds(60))
  }

  func resolveNetwork(subnets: [String], groups: [String], at source: SourceRef, owner: String) -> (
    subnets: [Int], groups: [Int]
  ) {
    let network = field(field(source, "networkConfiguration"), "awsvpcConfiguration")
    let subnetIndices = subnets.enumerated().compactMap { offset, name in
      subnetTable.resolve(
        name, at: field(network, "subnets", index: offset), diagnostics: diagnostics)
    }
    let groupIndices = groups.enumerated().compactMap { offset, name in
      securityGroupTable.resolve(
        name, at: field(network, "securityGroups", index: offset), diagnostics: diagnostics)
    }
    if subnets.isEmpty {
      error(
        "schema.missing-key", "\(owner) needs networkConfiguration.awsvpcConfiguration.subnets",
        at: source,
        hint: "awsvpc tasks get an ENI in one of these subnets")
    }
    let vpcs = Set(subnetIndices.map { model.subnets[$0].vpc })
    if vpcs.count > 1 {
      error(
        "model.subnets-in-several-vpcs", "\(owner) spreads over subnets of several VPCs",
        at: network)
    }
    for group in groupIndices {
      if let groupVPC = model.securityGroups[group].vpc, let vpc = vpcs.first, groupVPC != vpc {
        error(
          "model.security-group-in-other-vpc",
          "security group '\(model.securityGroups[group].name)' belongs to another VPC than \(owner)'s subnets",
          at: network)
      }
    }
    return (subnetIndices, groupIndices)
  }

  func buildService(_ spec: ServiceSpec) {
    let cluster = spec.cluster.flatMap {
      clusterTable.resolve($0, at: field(spec.source, "cluster"), diagnostics: diagnostics)
    }
    guard
      let taskDefinition = taskDefinitionTable.resolve(
        spec.taskDefinition, at: field(spec.source, "taskDefinition"), diagnostics: diagnostics)
    else { return }
    let network = resolveNetwork(
      subnets: spec.subnets, groups: spec.securityGroups, at: spec.source,
      owner: "service '\(spec.name)'")
    var registries: [(service: Int, port: Int?)] = []
    for (offset, registry) in spec.serviceRegistries.enumerated() {
      let source = field(field(spec.source, "serviceRegistries", index: offset), "registryArn")
      guard
        let service = discoveryServiceTable.resolve(
          registry.registry, at: source, diagnostics: diagnostics)
      else { continue }
      if registry.port != nil && registry.containerPort != nil {
        error(
          "model.invalid-service-registry",
          "serviceRegistries entry gives both 'port' and 'containerPort'", at: registry.source)
      }
      if model.discoveryServices[service].hasSRVRecords && registry.port == nil
        && registry.containerPort == nil
      {
        error(
          "model.invalid-service-registry",
          "Cloud Map service '\(model.discoveryServices[service].name)' has SRV records, so the registry needs a port",
          at: registry.source, hint: "give 'port', or 'containerName' and 'containerPort'")
      }
      if let vpc = model.namespaces[model.discoveryServices[service].namespace].vpc,
        let first = network.subnets.first,
        model.subnets[first].vpc != vpc
      {
        warning(
          "model.namespace-in-other-vpc",
          "service '\(spec.name)' registers in a private namespace of another VPC; its own tasks cannot resolve the name",
          at: registry.source)
      }
      registries.append((service, registry.port ?? registry.containerPort))
    }
    let arn =
      "arn:aws:ecs:\(document.region):\(document.accountID):service/\(spec.cluster ?? "default")/\(spec.name)"
    if !serviceTable.declare(
      spec.name, aliases: [arn], index: model.services.count, source: spec.source)
    {
      duplicate("ECS service", spec.name, at: spec.source, table: serviceTable)
      return
    }
    model.services.append(
      ECSService(
        name: spec.name, cluster: cluster, taskDefinition: taskDefinition,
        desiredCount: spec.desiredCount,
        subnets: network.subnets, securityGroups: network.groups,
        assignPublicIP: spec.assignPublicIP,
        registries: registries, spec: spec))
  }

  func buildStandaloneTask(_ spec: RunTaskSpec) {
    guard
      let taskDefinition = taskDefinitionTable.resolve(
        spec.taskDefinition, at: field(spec.source, "taskDefinition"), diagnostics: diagnostics)
    else { return }
    if let cluster = spec.cluster {
      _ = clusterTable.resolve(cluster, at: field(spec.source, "cluster"), diagnostics: diagnostics)
    }
    let network = resolveNetwork(
      subnets: spec.subnets, groups: spec.securityGroups, at: spec.source,
      owner: "task '\(spec.name)'")
    if !standaloneTable.declare(spec.name, index: model.standaloneTasks.count, source: spec.source)
      || serviceTable.lookup(spec.name) != nil
    {
      duplicate("task", spec.name, at: spec.source, table: standaloneTable)
      return
    }
    model.standaloneTasks.append(
      StandaloneTask(
        name: spec.name, taskDefinition: taskDefinition, count: spec.count,
        subnets: network.subnets,
        securityGroups: network.groups, assignPublicIP: spec.assignPublicIP, spec: spec))
  }
}
