import Diagnostics
import ScenarioFormat

extension ModelBuilder {
  /// Namespaces, services and registered instances.
  func buildCloudMap() {
    buildNamespaces()
    buildDiscoveryServices()
    buildCloudMapInstances()
  }

  func buildNamespaces() {
    for (offset, namespace) in document.cloudMap.namespaces.enumerated() {
      let vpc = namespace.vpc.flatMap {
        vpcTable.resolve($0, at: field(namespace.source, "Vpc"), diagnostics: diagnostics)
      }
      let id = namespace.id ?? "ns-\(offset + 1)"
      let arn =
        namespace.arn
        ?? "arn:aws:servicediscovery:\(document.region):\(document.accountID):namespace/\(id)"
      if !namespaceTable.declare(
        namespace.name, aliases: [id, arn], index: model.namespaces.count, source: namespace.source)
      {
        duplicate(
          "Cloud Map namespace", namespace.name, at: namespace.source, table: namespaceTable)
        continue
      }
      model.namespaces.append(
        Namespace(
          id: id, arn: arn, name: namespace.name.lowercased(), kind: namespace.kind, vpc: vpc,
          negativeCacheTTLSeconds: namespace.soaTTLSeconds ?? 15, source: namespace.source))
    }
  }

  /// Discovery services; a service's DNS name is `<service>.<namespace>`.
  func buildDiscoveryServices() {
    for (offset, service) in document.cloudMap.services.enumerated() {
      guard let reference = service.namespace else {
        error(
          "schema.missing-key",
          "Cloud Map service '\(service.name)' needs 'NamespaceId' (or DnsConfig.NamespaceId)",
          at: service.source)
        continue
      }
      guard
        let namespace = namespaceTable.resolve(
          reference, at: field(service.source, "NamespaceId"), diagnostics: diagnostics)
      else { continue }
      let id = service.id ?? "srv-\(offset + 1)"
      let arn =
        service.arn
        ?? "arn:aws:servicediscovery:\(document.region):\(document.accountID):service/\(id)"
      let key = "\(service.name).\(model.namespaces[namespace].name)"
      if !discoveryServiceTable.declare(
        key, aliases: [id, arn, service.name], index: model.discoveryServices.count,
        source: service.source)
      {
        duplicate("Cloud Map service", key, at: service.source, table: discoveryServiceTable)
        continue
      }
      if service.dnsRecords.contains(where: { $0.type == .cname })
        && service.routingPolicy != .weighted
      {
        error(
          "model.invalid-dns-config", "CNAME records require RoutingPolicy WEIGHTED",
          at: field(service.source, "DnsConfig"))
      }
      let hasDNS = !service.apiOnly && !service.dnsRecords.isEmpty
      if hasDNS && !model.namespaces[namespace].hasDNS {
        error(
          "model.invalid-dns-config",
          "Cloud Map service '\(service.name)' has DNS records but namespace '\(model.namespaces[namespace].name)' is an HTTP namespace",
          at: field(service.source, "DnsConfig"),
          hint: "HTTP namespaces support API discovery only; drop DnsConfig or use a DNS namespace")
      }
      model.discoveryServices.append(
        DiscoveryService(
          id: id, arn: arn, name: service.name.lowercased(), namespace: namespace,
          fullName: key.lowercased(),
          routingPolicy: service.routingPolicy,
          hasARecords: hasDNS && service.dnsRecords.contains { $0.type == .a },
          hasSRVRecords: hasDNS && service.dnsRecords.contains { $0.type == .srv },
          ttlSeconds: service.dnsRecords.first?.ttlSeconds ?? 60,
          healthCheckCustom: service.healthCheckCustom,
          source: service.source))
    }
  }

  /// `RegisterInstance` calls: the service must exist, and DNS records need an address.
  func buildCloudMapInstances() {
    var seen: Set<String> = []
    for spec in document.cloudMap.instances {
      guard
        let service = discoveryServiceTable.resolve(
          spec.service, at: field(spec.source, "ServiceId"), diagnostics: diagnostics)
      else { continue }
      let definition = model.discoveryServices[service]
      if !seen.insert("\(service)/\(spec.instanceID)").inserted {
        error(
          "model.duplicate-name",
          "instance '\(spec.instanceID)' is registered twice in Cloud Map service '\(definition.fullName)'",
          at: field(spec.source, "InstanceId"))
        continue
      }
      let attributes = field(spec.source, "Attributes")
      var address: IPv4Address?
      let alias = spec.attributes.first { $0.0 == "AWS_ALIAS_DNS_NAME" }?.1.lowercased()
      if alias != nil {
        checkAliasInstance(spec, in: definition)
      } else if let text = spec.attributes.first(where: { $0.0 == "AWS_INSTANCE_IPV4" })?.1 {
        address = IPv4Address(text)
        if address == nil {
          error(
            "model.invalid-address", "invalid IPv4 address '\(text)'",
            at: field(attributes, "AWS_INSTANCE_IPV4"))
        }
      } else if definition.hasARecords {
        error(
          "schema.missing-key",
          "instance '\(spec.instanceID)' needs attribute 'AWS_INSTANCE_IPV4': Cloud Map service '\(definition.fullName)' has A records",
          at: spec.source)
      }
      var port: Int?
      if let text = spec.attributes.first(where: { $0.0 == "AWS_INSTANCE_PORT" })?.1 {
        port = Int(text).flatMap { (1...65535).contains($0) ? $0 : nil }
        if port == nil {
          error(
            "model.port-out-of-range", "invalid port '\(text)' in AWS_INSTANCE_PORT",
            at: field(attributes, "AWS_INSTANCE_PORT"))
        }
      }
      let initial = spec.attributes.first { $0.0 == "AWS_INIT_HEALTH_STATUS" }?.1
      if let initial, initial != "HEALTHY" && initial != "UNHEALTHY" {
        error(
          "schema.invalid-value",
          "invalid value '\(initial)' for AWS_INIT_HEALTH_STATUS; expected HEALTHY or UNHEALTHY",
          at: field(attributes, "AWS_INIT_HEALTH_STATUS"))
      }
      model.cloudMapInstances.append(
        CloudMapInstance(
          id: spec.instanceID, service: service, address: address,
          aliasDNSName: alias.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }, port: port,
          attributes: spec.attributes,
          initiallyHealthy: !(initial == "UNHEALTHY" && definition.healthCheckCustom),
          source: spec.source))
    }
  }

  /// An alias instance (`AWS_ALIAS_DNS_NAME`): the service must route WEIGHTED with A records,
  /// and the instance carries no `AWS_INSTANCE_*` attribute (Cloud Map API reference,
  /// `RegisterInstance`).
  func checkAliasInstance(_ spec: InstanceSpec, in definition: DiscoveryService) {
    let attributes = field(spec.source, "Attributes")
    if definition.routingPolicy != .weighted || !definition.hasARecords {
      error(
        "model.invalid-dns-config",
        "instance '\(spec.instanceID)' is an alias (AWS_ALIAS_DNS_NAME), but Cloud Map service '\(definition.fullName)' does not route WEIGHTED with A records",
        at: field(attributes, "AWS_ALIAS_DNS_NAME"),
        hint: "alias records need DnsConfig.RoutingPolicy WEIGHTED and an A record")
    }
    for (key, _) in spec.attributes where key.hasPrefix("AWS_INSTANCE_") {
      error(
        "model.invalid-dns-config",
        "instance '\(spec.instanceID)' has both AWS_ALIAS_DNS_NAME and \(key); an alias instance takes no AWS_INSTANCE_ attribute",
        at: field(attributes, key))
    }
  }

  /// Alias instances must name a load balancer of the scenario (Cloud Map creates alias
  /// records to Elastic Load Balancing load balancers only). Runs once load balancers exist.
  func checkCloudMapAliases() {
    let names = model.loadBalancing.loadBalancers.map(\.dnsName)
    for instance in model.cloudMapInstances {
      guard let alias = instance.aliasDNSName,
        model.loadBalancing.loadBalancer(dnsName: alias) == nil
      else { continue }
      error(
        "model.unresolved-reference",
        "AWS_ALIAS_DNS_NAME '\(alias)' of instance '\(instance.id)' is not the DNS name of a load balancer in the scenario",
        at: field(field(instance.source, "Attributes"), "AWS_ALIAS_DNS_NAME"),
        notes: Suggestions.closest(to: alias, in: names).map {
          [Diagnostic.Note(message: "did you mean '\($0)'?")]
        } ?? [])
    }
  }
}
