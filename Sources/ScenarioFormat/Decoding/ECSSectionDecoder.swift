import Diagnostics

/// Decodes the `ecs` section.
enum ECSSectionDecoder {
  static let describeOnlyKeys = [
    "clusterArn", "serviceArn", "taskDefinitionArn", "status", "createdAt", "createdBy", "revision",
    "registeredAt", "registeredBy", "requiresAttributes", "compatibilities", "tags", "runningCount",
    "pendingCount", "events", "deployments", "roleArn", "platformFamily",
  ]
  /// Accepted AWS fields that do not change routing.
  static let inertServiceKeys = [
    "launchType", "capacityProviderStrategy", "platformVersion", "deploymentConfiguration",
    "deploymentController", "placementConstraints", "placementStrategy",
    "healthCheckGracePeriodSeconds",
    "schedulingStrategy", "enableECSManagedTags", "propagateTags", "enableExecuteCommand",
    "clientToken",
    "availabilityZoneRebalancing", "volumeConfigurations", "role",
  ]
  static let inertTaskDefinitionKeys = [
    "cpu", "memory", "requiresCompatibilities", "executionRoleArn", "volumes",
    "placementConstraints", "runtimePlatform", "ephemeralStorage", "pidMode", "ipcMode",
    "inferenceAccelerators", "enableFaultInjection",
  ]
  static let inertContainerKeys = [
    "cpu", "memory", "memoryReservation", "command", "entryPoint", "logConfiguration",
    "healthCheck",
    "dependsOn", "ulimits", "mountPoints", "volumesFrom", "secrets", "links", "workingDirectory",
    "readonlyRootFilesystem", "privileged", "startTimeout", "stopTimeout", "linuxParameters",
    "dockerLabels", "environmentFiles", "firelensConfiguration", "repositoryCredentials",
    "systemControls", "resourceRequirements", "interactive", "pseudoTerminal", "hostname",
    "disableNetworking", "dnsServers", "dnsSearchDomains", "extraHosts", "dockerSecurityOptions",
    "restartPolicy", "versionConsistency", "credentialSpecs",
  ]

  static func decode(_ reader: ObjectReader) -> ECSSection {
    let context = reader.context
    var section = ECSSection()
    section.clusters = context.objects(reader.array("clusters"), what: "ECS cluster") {
      cluster($0)
    }
    section.taskDefinitions = context.objects(
      reader.array("taskDefinitions"), what: "task definition"
    ) {
      taskDefinition($0)
    }
    section.services = context.objects(reader.array("services"), what: "ECS service") {
      service($0)
    }
    section.tasks = context.objects(reader.array("tasks"), what: "standalone task") { runTask($0) }
    return section
  }

  static func cluster(_ r: ObjectReader) -> ClusterSpec? {
    r.accept(
      describeOnlyKeys + [
        "settings", "configuration", "capacityProviders", "defaultCapacityProviderStrategy",
      ])
    let name = r.string("clusterName", required: true)
    var namespace: String?
    if let defaults = r.object("serviceConnectDefaults", what: "serviceConnectDefaults") {
      namespace = defaults.string("namespace", required: true)
      defaults.finish()
    }
    guard let name else { return nil }
    return ClusterSpec(name: name, serviceConnectNamespace: namespace, source: SourceRef(r.node))
  }

  static func taskDefinition(_ r: ObjectReader) -> TaskDefinitionSpec? {
    r.accept(describeOnlyKeys + inertTaskDefinitionKeys)
    let context = r.context
    let family = r.string("family", required: true)
    let networkMode = r.string("networkMode") ?? "awsvpc"
    let taskRole = r.string("taskRoleArn")
    let containers = context.objects(
      r.array("containerDefinitions", required: true), what: "container definition"
    ) {
      container($0)
    }
    var proxy: ProxyConfigurationSpec?
    if let proxyReader = r.object("proxyConfiguration", what: "proxyConfiguration") {
      _ = proxyReader.string("type")
      let name = proxyReader.string("containerName", required: true)
      let properties = nameValuePairs(proxyReader, key: "properties")
      if let name {
        proxy = ProxyConfigurationSpec(
          containerName: name, properties: properties, source: SourceRef(proxyReader.node))
      }
      proxyReader.finish()
    }
    guard let family else { return nil }
    return TaskDefinitionSpec(
      family: family, networkMode: networkMode, containers: containers, proxyConfiguration: proxy,
      taskRoleArn: taskRole, source: SourceRef(r.node))
  }

  static func nameValuePairs(_ r: ObjectReader, key: String) -> [(name: String, value: String)] {
    r.context.objects(r.array(key), what: "name/value pair") {
      pair -> (name: String, value: String)? in
      guard let name = pair.string("name", required: true) else { return nil }
      return (name, pair.string("value") ?? "")
    }
  }

  static func container(_ r: ObjectReader) -> ContainerDefinitionSpec? {
    r.accept(inertContainerKeys)
    let name = r.string("name", required: true)
    let image = r.string("image")
    let essential = r.bool("essential") ?? true
    let user = r.string("user")
    let mappings = r.context.objects(r.array("portMappings"), what: "port mapping") {
      mapping -> PortMappingSpec? in
      let containerPort = mapping.int("containerPort", required: true, range: 1...65535)
      let hostPort = mapping.int("hostPort", range: 0...65535)
      let transport = mapping.string("protocol") ?? "tcp"
      let name = mapping.string("name")
      let appProtocol = mapping.string("appProtocol")
      _ = mapping.string("containerPortRange")
      guard let containerPort else { return nil }
      return PortMappingSpec(
        name: name, containerPort: containerPort, hostPort: hostPort, transportProtocol: transport,
        appProtocol: appProtocol, source: SourceRef(mapping.node))
    }
    let environment = nameValuePairs(r, key: "environment")
    let behavior = r.object("behavior", what: "behavior").flatMap { reader -> BehaviorSpec? in
      defer { reader.finish() }
      return BehaviorDecoder.behavior(reader)
    }
    guard let name else { return nil }
    return ContainerDefinitionSpec(
      name: name, image: image, essential: essential, user: user, portMappings: mappings,
      environment: environment, behavior: behavior, source: SourceRef(r.node))
  }

  static func networkConfiguration(_ r: ObjectReader) -> (
    subnets: [String], groups: [String], publicIP: Bool
  ) {
    guard let network = r.object("networkConfiguration", what: "networkConfiguration") else {
      return ([], [], false)
    }
    defer { network.finish() }
    guard
      let vpc = network.object("awsvpcConfiguration", required: true, what: "awsvpcConfiguration")
    else {
      return ([], [], false)
    }
    defer { vpc.finish() }
    let subnets = vpc.stringArray("subnets", required: true) ?? []
    let groups = vpc.stringArray("securityGroups") ?? []
    let assign = vpc.string("assignPublicIp")
    if let assign, assign != "ENABLED" && assign != "DISABLED",
      let node = vpc.node("assignPublicIp")
    {
      r.context.invalid(
        node, "invalid value '\(assign)' for 'assignPublicIp'; expected ENABLED or DISABLED")
    }
    return (subnets, groups, assign == "ENABLED")
  }

  static func service(_ r: ObjectReader) -> ServiceSpec? {
    r.accept(describeOnlyKeys + inertServiceKeys)
    let context = r.context
    let name = r.string("serviceName", required: true)
    let cluster = r.string("cluster")
    let taskDefinition = r.string("taskDefinition", required: true)
    let desired = r.int("desiredCount", range: 0...5000) ?? 1
    let network = networkConfiguration(r)
    let registries = context.objects(r.array("serviceRegistries"), what: "service registry") {
      registry -> ServiceRegistrySpec? in
      guard let arn = registry.string("registryArn", required: true) else { return nil }
      return ServiceRegistrySpec(
        registry: arn, port: registry.int("port", range: 1...65535),
        containerName: registry.string("containerName"),
        containerPort: registry.int("containerPort", range: 1...65535),
        source: SourceRef(registry.node))
    }
    let balancers = context.objects(r.array("loadBalancers"), what: "load balancer attachment") {
      lb -> LoadBalancerAttachmentSpec? in
      let group = lb.string("targetGroupArn")
      let lbName = lb.string("loadBalancerName")
      let container = lb.string("containerName", required: true)
      let port = lb.int("containerPort", required: true, range: 1...65535)
      guard let container, let port else { return nil }
      return LoadBalancerAttachmentSpec(
        targetGroup: group, loadBalancerName: lbName, containerName: container, containerPort: port,
        source: SourceRef(lb.node))
    }
    let lattice = context.objects(
      r.array("vpcLatticeConfigurations"), what: "VPC Lattice configuration"
    ) {
      config -> VPCLatticeConfigurationSpec? in
      let group = config.string("targetGroupArn", required: true)
      let port = config.string("portName", required: true)
      let role = config.string("roleArn")
      guard let group, let port else { return nil }
      return VPCLatticeConfigurationSpec(
        targetGroup: group, portName: port, roleArn: role, source: SourceRef(config.node))
    }
    let serviceConnect = r.object(
      "serviceConnectConfiguration", what: "serviceConnectConfiguration"
    ).flatMap {
      reader -> ServiceConnectConfigurationSpec? in
      defer { reader.finish() }
      return serviceConnectConfiguration(reader)
    }
    guard let name, let taskDefinition else { return nil }
    return ServiceSpec(
      name: name, cluster: cluster, taskDefinition: taskDefinition, desiredCount: desired,
      subnets: network.subnets, securityGroups: network.groups, assignPublicIP: network.publicIP,
      serviceRegistries: registries, loadBalancers: balancers, serviceConnect: serviceConnect,
      vpcLatticeConfigurations: lattice, source: SourceRef(r.node))
  }

  static func serviceConnectConfiguration(_ r: ObjectReader) -> ServiceConnectConfigurationSpec? {
    r.accept(["logConfiguration", "accessLogConfiguration"])
    let context = r.context
    let enabled = r.bool("enabled", required: true)
    let namespace = r.string("namespace")
    let entries = context.objects(r.array("services"), what: "Service Connect service") {
      entry -> ServiceConnectConfigurationSpec.Entry? in
      let portName = entry.string("portName", required: true)
      let discoveryName = entry.string("discoveryName")
      let aliases = context.objects(entry.array("clientAliases"), what: "client alias") {
        alias -> ServiceConnectConfigurationSpec.Alias? in
        let testTraffic = alias.object("testTrafficRules", what: "testTrafficRules").flatMap {
          rules -> ServiceConnectConfigurationSpec.TestTrafficHeader? in
          defer { rules.finish() }
          return testTrafficHeader(rules)
        }
        guard let port = alias.int("port", required: true, range: 0...65535) else { return nil }
        return .init(
          port: port, dnsName: alias.string("dnsName"), testTrafficHeader: testTraffic,
          source: SourceRef(alias.node))
      }
      let override = entry.int("ingressPortOverride", range: 0...65535)
      var idle: Int?
      var perRequest: Int?
      if let timeout = entry.object("timeout", what: "timeout") {
        idle = timeout.int("idleTimeoutSeconds", range: 0...2_147_483_647)
        perRequest = timeout.int("perRequestTimeoutSeconds", range: 0...2_147_483_647)
        timeout.finish()
      }
      var authority: String?
      if let tls = entry.object("tls", what: "tls") {
        tls.accept(["kmsKey", "roleArn"])
        if let issuer = tls.object(
          "issuerCertificateAuthority", required: true, what: "issuerCertificateAuthority")
        {
          authority = issuer.string("awsPcaAuthorityArn", required: true)
          issuer.finish()
        }
        tls.finish()
      }
      guard let portName else { return nil }
      return .init(
        portName: portName, discoveryName: discoveryName, clientAliases: aliases,
        ingressPortOverride: override,
        idleTimeoutSeconds: idle, perRequestTimeoutSeconds: perRequest, tlsAuthority: authority,
        source: SourceRef(entry.node))
    }
    guard let enabled else { return nil }
    return ServiceConnectConfigurationSpec(
      enabled: enabled, namespace: namespace, services: entries, source: SourceRef(r.node))
  }

  /// `testTrafficRules`: `{"header": {"name": "x-canary", "value": {"exact": "true"}}}`.
  static func testTrafficHeader(_ r: ObjectReader) -> ServiceConnectConfigurationSpec
    .TestTrafficHeader?
  {
    guard let header = r.object("header", required: true, what: "header") else { return nil }
    defer { header.finish() }
    let name = header.string("name", required: true)
    var exact: String?
    if let value = header.object("value", what: "value") {
      exact = value.string("exact", required: true)
      value.finish()
    }
    guard let name else { return nil }
    return .init(name: name, exact: exact, source: SourceRef(header.node))
  }

  static func runTask(_ r: ObjectReader) -> RunTaskSpec? {
    r.accept([
      "launchType", "platformVersion", "overrides", "startedBy", "group", "enableExecuteCommand",
      "capacityProviderStrategy", "propagateTags", "tags", "clientToken",
    ])
    let name = r.string("name", required: true)
    let cluster = r.string("cluster")
    let taskDefinition = r.string("taskDefinition", required: true)
    let count = r.int("count", range: 1...10) ?? 1
    let network = networkConfiguration(r)
    guard let name, let taskDefinition else { return nil }
    return RunTaskSpec(
      name: name, cluster: cluster, taskDefinition: taskDefinition, count: count,
      subnets: network.subnets,
      securityGroups: network.groups, assignPublicIP: network.publicIP, source: SourceRef(r.node))
  }
}
