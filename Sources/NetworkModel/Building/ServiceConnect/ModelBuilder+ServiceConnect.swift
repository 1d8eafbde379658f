import ScenarioFormat

extension ModelBuilder {
  /// Service Connect: the configurations services are created with, then the ones
  /// `updateService` events apply, in time order, so name collisions are checked against the
  /// names other services hold at that moment (aws-behaviour §2.1, §2.6).
  func buildServiceConnect() {
    var ledger = ServiceConnectNameLedger()
    for index in model.services.indices {
      guard let spec = model.services[index].spec.serviceConnect, spec.enabled else { continue }
      if let configuration = serviceConnectConfiguration(
        spec, service: index, activation: .atStart, ledger: &ledger)
      {
        model.serviceConnect.configurations.append(configuration)
      }
    }
    for (at, update) in document.serviceCalls(\.serviceConnect) {
      guard
        let service = serviceTable.resolve(
          update.service, at: field(update.source, "service"), diagnostics: diagnostics)
      else { continue }
      let spec = update.configuration
      let activation = ServiceConnectConfiguration.Activation.event(at: at, source: spec.source)
      ledger.release(service: service)
      guard spec.enabled else {
        model.serviceConnect.configurations.append(
          ServiceConnectConfiguration(
            service: service, enabled: false, namespace: nil, endpoints: [], activation: activation,
            source: spec.source))
        continue
      }
      if let configuration = serviceConnectConfiguration(
        spec, service: service, activation: activation, ledger: &ledger)
      {
        model.serviceConnect.configurations.append(configuration)
      }
    }
  }

  /// Resolves one enabled configuration of `service` and claims its names in the ledger.
  func serviceConnectConfiguration(
    _ spec: ServiceConnectConfigurationSpec, service: Int,
    activation: ServiceConnectConfiguration.Activation,
    ledger: inout ServiceConnectNameLedger
  ) -> ServiceConnectConfiguration? {
    let ecsService = model.services[service]
    guard let namespace = serviceConnectNamespace(spec, of: ecsService) else { return nil }
    let definition = model.taskDefinitions[ecsService.taskDefinition]
    var endpoints: [ServiceConnectEndpoint] = []
    for (offset, entry) in spec.services.enumerated() {
      let source = field(spec.source, "services", index: offset)
      if let endpoint = serviceConnectEndpoint(
        entry, at: source, namespace: namespace, definition: definition, ledger: &ledger)
      {
        endpoints.append(endpoint)
      }
    }
    checkIngressPorts(endpoints, definition: definition)
    claimNames(of: endpoints, service: service, namespace: namespace, ledger: &ledger)
    return ServiceConnectConfiguration(
      service: service, enabled: true, namespace: namespace, endpoints: endpoints,
      activation: activation,
      source: spec.source)
  }

  /// The namespace a configuration names, or the cluster's default Service Connect namespace.
  func serviceConnectNamespace(_ spec: ServiceConnectConfigurationSpec, of service: ECSService)
    -> Int?
  {
    if let reference = spec.namespace {
      return namespaceTable.resolve(
        reference, at: field(spec.source, "namespace"), diagnostics: diagnostics)
    }
    // ECS uses the cluster named "default" when a service names none.
    let cluster = service.cluster ?? clusterTable.lookup("default")
    if let cluster, let namespace = model.clusters[cluster].serviceConnectNamespace {
      return namespace
    }
    let clusterText =
      cluster.map { "cluster '\(model.clusters[$0].name)' has" } ?? "the service's cluster has"
    error(
      "model.service-connect-no-namespace",
      "Service Connect is enabled for service '\(service.name)' but names no namespace, and \(clusterText) no default Service Connect namespace",
      at: spec.source,
      hint:
        "set \"namespace\" (a Cloud Map namespace name, id or ARN) or the cluster's serviceConnectDefaults.namespace"
    )
    return nil
  }

  /// Reports two entries whose server-side proxies would listen on one port for different
  /// container ports, or an override that takes a port the application itself serves.
  func checkIngressPorts(_ endpoints: [ServiceConnectEndpoint], definition: TaskDefinition) {
    var owners: [Int: ServiceConnectEndpoint] = [:]
    for endpoint in endpoints {
      if let other = owners[endpoint.ingressPort], other.containerPort != endpoint.containerPort {
        error(
          "model.service-connect-ingress-port-conflict",
          "the proxy cannot listen on port \(endpoint.ingressPort) for both '\(other.portName)' (container port \(other.containerPort)) and '\(endpoint.portName)' (container port \(endpoint.containerPort))",
          at: field(endpoint.source, "ingressPortOverride"))
        continue
      }
      owners[endpoint.ingressPort] = endpoint
      if endpoint.hasIngressPortOverride, definition.containerPorts.contains(endpoint.ingressPort) {
        error(
          "model.service-connect-ingress-port-conflict",
          "ingressPortOverride \(endpoint.ingressPort) is a container port of task definition '\(definition.family)'; the proxy and the application cannot both listen on it",
          at: field(endpoint.source, "ingressPortOverride"), hint: "pick a port no container maps")
      }
    }
  }

  /// Claims the discovery names and aliases of a configuration, reporting the ones another
  /// service (or another entry of the same configuration) already holds.
  func claimNames(
    of endpoints: [ServiceConnectEndpoint], service: Int, namespace: Int,
    ledger: inout ServiceConnectNameLedger
  ) {
    let namespaceName = model.namespaces[namespace].name
    for endpoint in endpoints {
      let claim = ServiceConnectNameLedger.Claim(service: service, source: endpoint.source)
      if let holder = ledger.discoveryNameHolder(endpoint.discoveryName, namespace: namespace) {
        error(
          "model.service-connect-duplicate-discovery-name",
          "discovery name '\(endpoint.discoveryName)' is already used in namespace '\(namespaceName)' by \(holderText(holder, service))",
          at: field(endpoint.source, "discoveryName"),
          hint:
            "discovery names are unique in a namespace; an entry without discoveryName uses its portName",
          notes: [.init(message: "first used here", location: holder.source.location)])
      } else {
        ledger.claimDiscoveryName(endpoint.discoveryName, namespace: namespace, claim)
      }
      guard let alias = endpoint.alias else { continue }
      if let holder = ledger.aliasHolder(alias.dnsName, port: alias.port, namespace: namespace) {
        error(
          "model.service-connect-duplicate-alias",
          "client alias '\(alias.dnsName):\(alias.port)' is already used in namespace '\(namespaceName)' by \(holderText(holder, service))",
          at: alias.source, hint: "each alias name and port is unique in a namespace",
          notes: [.init(message: "first used here", location: holder.source.location)])
      } else {
        ledger.claimAlias(alias.dnsName, port: alias.port, namespace: namespace, claim)
      }
    }
  }

  private func holderText(_ holder: ServiceConnectNameLedger.Claim, _ service: Int) -> String {
    holder.service == service
      ? "another entry of this configuration" : "service '\(model.services[holder.service].name)'"
  }
}
