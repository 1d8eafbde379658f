import Diagnostics

/// Decodes the `cloudMap` section.
enum CloudMapSectionDecoder {
  static let describeOnlyKeys = [
    "Arn", "CreateDate", "CreatorRequestId", "Description", "ServiceCount", "Tags", "InstanceCount",
    "ResourceOwner", "CreatedByAccount", "UpdateDate",
  ]

  static func decode(_ reader: ObjectReader) -> CloudMapSection {
    let context = reader.context
    var section = CloudMapSection()
    section.namespaces = context.objects(reader.array("namespaces"), what: "namespace") {
      namespace($0)
    }
    section.services = context.objects(reader.array("services"), what: "Cloud Map service") {
      service($0)
    }
    section.instances = context.objects(reader.array("instances"), what: "Cloud Map instance") {
      instance($0)
    }
    return section
  }

  static func namespace(_ r: ObjectReader) -> NamespaceSpec? {
    r.accept(describeOnlyKeys)
    let id = r.string("Id")
    let arn = r.node("Arn").flatMap { node -> String? in
      if case .string(let text) = node.value { return text } else { return nil }
    }
    let name = r.string("Name", required: true)
    let vpc = r.string("Vpc")
    let declared = r.enumValue("Type", NamespaceSpec.Kind.self)
    var soa: Int?
    if let properties = r.object("Properties", what: "namespace properties") {
      if let dns = properties.object("DnsProperties", what: "DNS properties") {
        dns.accept(["HostedZoneId"])
        if let soaReader = dns.object("SOA", what: "SOA") {
          soa = soaReader.int("TTL", required: true, range: 0...2_147_483_647)
          soaReader.finish()
        }
        dns.finish()
      }
      if let http = properties.object("HttpProperties", what: "HTTP properties") {
        _ = http.string("HttpName")
        http.finish()
      }
      properties.finish()
    }
    guard let name else { return nil }
    let kind = declared ?? (vpc != nil ? .dnsPrivate : .http)
    if kind == .dnsPrivate && vpc == nil {
      r.context.diagnostics.error(
        "schema.missing-key", "private DNS namespace '\(name)' needs 'Vpc'",
        at: r.node.location, path: r.node.path.description,
        hint: "a private DNS namespace is a Route 53 private hosted zone associated with one VPC")
    }
    return NamespaceSpec(
      id: id, arn: arn, name: name, kind: kind, vpc: vpc, soaTTLSeconds: soa,
      source: SourceRef(r.node))
  }

  static func service(_ r: ObjectReader) -> DiscoveryServiceSpec? {
    r.accept(describeOnlyKeys)
    let id = r.string("Id")
    let arn = r.node("Arn").flatMap { node -> String? in
      if case .string(let text) = node.value { return text } else { return nil }
    }
    let name = r.string("Name", required: true)
    var namespace = r.string("NamespaceId")
    let apiOnly = r.string("Type") == "HTTP"
    var policy = DiscoveryServiceSpec.RoutingPolicy.multivalue
    var records: [DiscoveryServiceSpec.DnsRecord] = []
    if let dns = r.object("DnsConfig", what: "DnsConfig") {
      if let inner = dns.string("NamespaceId") { namespace = namespace ?? inner }
      policy =
        dns.enumValue("RoutingPolicy", DiscoveryServiceSpec.RoutingPolicy.self) ?? .multivalue
      records = r.context.objects(dns.array("DnsRecords", required: true), what: "DNS record") {
        record in
        let type = record.enumValue("Type", DiscoveryServiceSpec.RecordType.self, required: true)
        let ttl = record.int("TTL", required: true, range: 0...2_147_483_647)
        guard let type, let ttl else { return nil }
        return DiscoveryServiceSpec.DnsRecord(type: type, ttlSeconds: ttl)
      }
      dns.finish()
    }
    var healthCheck: DiscoveryServiceSpec.HealthCheck?
    if let check = r.object("HealthCheckConfig", what: "HealthCheckConfig") {
      let type = check.string("Type", required: true) ?? "HTTP"
      healthCheck = .init(
        type: type, resourcePath: check.string("ResourcePath"),
        failureThreshold: check.int("FailureThreshold", range: 1...10))
      check.finish()
    }
    var custom = false
    if let check = r.object("HealthCheckCustomConfig", what: "HealthCheckCustomConfig") {
      _ = check.int("FailureThreshold", range: 1...10)
      check.finish()
      custom = true
    }
    guard let name else { return nil }
    if custom && healthCheck != nil {
      r.context.diagnostics.error(
        "model.conflicting-health-checks",
        "Cloud Map service '\(name)' sets both HealthCheckConfig and HealthCheckCustomConfig",
        at: r.node.location, path: r.node.path.description,
        hint: "Cloud Map accepts one or the other")
    }
    return DiscoveryServiceSpec(
      id: id, arn: arn, name: name, namespace: namespace, routingPolicy: policy,
      dnsRecords: records,
      healthCheckConfig: healthCheck, healthCheckCustom: custom, apiOnly: apiOnly,
      source: SourceRef(r.node))
  }

  static func instance(_ r: ObjectReader) -> InstanceSpec? {
    r.accept(["CreatorRequestId"])
    let service = r.string("ServiceId", required: true)
    let id = r.string("InstanceId", required: true)
    var attributes: [(String, String)] = []
    if let attributesReader = r.object("Attributes", what: "instance attributes") {
      for member in attributesReader.node.objectMembers {
        _ = attributesReader.node(member.key)
        if case .string(let value) = member.value.value {
          attributes.append((member.key, value))
        } else {
          r.context.typeMismatch(member.value, expected: "string", key: "'\(member.key)'")
        }
      }
      attributesReader.finish()
    }
    guard let service, let id else { return nil }
    return InstanceSpec(
      service: service, instanceID: id, attributes: attributes, source: SourceRef(r.node))
  }
}

extension JSONNode {
  /// The members of an object node in document order (empty for other kinds).
  public var objectMembers: [JSONObject.Member] {
    if case .object(let object) = value { return object.members }
    return []
  }
}
