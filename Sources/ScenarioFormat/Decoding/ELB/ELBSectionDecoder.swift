import Diagnostics

/// Decodes the `elb` section: load balancers, target groups, listeners, rules and attributes,
/// each in its ELBv2 request shape; describe-only fields are accepted and ignored.
enum ELBSectionDecoder {
  static let eventOperations = [
    "modifyListener", "modifyRule", "modifyTargetGroup", "modifyLoadBalancerAttributes",
    "modifyTargetGroupAttributes", "registerTargets", "deregisterTargets",
  ]

  static let loadBalancerInertKeys = [
    "LoadBalancerArn", "DNSName", "CanonicalHostedZoneId", "CreatedTime", "State",
    "AvailabilityZones", "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
    "CustomerOwnedIpv4Pool", "EnablePrefixForIpv6SourceNat", "IpamPools", "Tags",
  ]
  static let targetGroupInertKeys = [
    "TargetGroupArn", "TargetGroupName", "LoadBalancerArns", "IpAddressType", "TargetControlPort",
    "Tags",
  ]

  static func decode(_ reader: ObjectReader) -> ELBSection {
    let context = reader.context
    var section = ELBSection()
    section.loadBalancers = context.objects(reader.array("loadBalancers"), what: "load balancer") {
      loadBalancer($0)
    }
    section.targetGroups = context.objects(reader.array("targetGroups"), what: "target group") {
      targetGroup($0)
    }
    section.listeners = context.objects(reader.array("listeners"), what: "listener") {
      listener($0)
    }
    section.rules = context.objects(reader.array("rules"), what: "listener rule") { rule($0) }
    section.loadBalancerAttributes = context.objects(
      reader.array("loadBalancerAttributes"), what: "load balancer attributes"
    ) { attributes($0, resourceKey: "LoadBalancerArn") }
    section.targetGroupAttributes = context.objects(
      reader.array("targetGroupAttributes"), what: "target group attributes"
    ) { attributes($0, resourceKey: "TargetGroupArn") }
    return section
  }

  static func loadBalancer(_ r: ObjectReader) -> LoadBalancerSpec? {
    r.accept(loadBalancerInertKeys)
    let name =
      r.has("Name") || !r.has("LoadBalancerName")
      ? r.string("Name", required: true) : r.string("LoadBalancerName", required: true)
    let arn = r.node("LoadBalancerArn")?.stringValue
    let dnsName = r.node("DNSName")?.stringValue
    let kind = r.enumValue("Type", LoadBalancerSpec.Kind.self) ?? .application
    let scheme = r.enumValue("Scheme", LoadBalancerSpec.Scheme.self) ?? .internetFacing
    var subnets = r.stringArray("Subnets") ?? []
    subnets += r.context.objects(r.array("SubnetMappings"), what: "subnet mapping") { mapping in
      mapping.accept(["AllocationId", "PrivateIPv4Address", "IPv6Address", "SourceNatIpv6Prefix"])
      return mapping.string("SubnetId", required: true)
    }
    if subnets.isEmpty, let zones = r.array("AvailabilityZones") {
      subnets = r.context.objects(zones, what: "availability zone") { zone in
        zone.accept(["ZoneName", "OutpostId", "LoadBalancerAddresses", "SourceNatIpv6Prefixes"])
        return zone.string("SubnetId")
      }
    }
    let groups = r.stringArray("SecurityGroups")
    let vpc = r.string("VpcId")
    let addressType = r.string("IpAddressType")
    let tags = r.ec2Tags()
    guard let name else { return nil }
    if subnets.isEmpty {
      r.context.error(
        .schemaMissingKey, "load balancer '\(name)' needs 'Subnets' (or 'SubnetMappings')",
        at: r.node, hint: "a load balancer has one node in each subnet it is given")
    }
    return LoadBalancerSpec(
      name: name, arn: arn, dnsName: dnsName, kind: kind, scheme: scheme, subnets: subnets,
      securityGroups: groups, vpc: vpc, ipAddressType: addressType, tags: tags,
      source: SourceRef(r.node))
  }

  static func targetGroup(_ r: ObjectReader) -> TargetGroupSpec? {
    r.accept(targetGroupInertKeys)
    let name =
      r.has("Name") || !r.has("TargetGroupName")
      ? r.string("Name", required: true) : r.string("TargetGroupName", required: true)
    let arn = r.node("TargetGroupArn")?.stringValue
    let proto = r.enumValue("Protocol", ELBProtocol.self)
    let version = r.enumValue("ProtocolVersion", TargetGroupSpec.ProtocolVersion.self)
    let port = r.int("Port", range: 1...65535)
    let vpc = r.string("VpcId")
    let targetType = r.enumValue("TargetType", TargetGroupSpec.TargetType.self) ?? .instance
    let health = healthCheck(r)
    let tags = r.ec2Tags()
    guard let name else { return nil }
    return TargetGroupSpec(
      name: name, arn: arn, protocol: proto, protocolVersion: version, port: port, vpc: vpc,
      targetType: targetType, healthCheck: health, tags: tags, source: SourceRef(r.node))
  }

  /// Reads the `HealthCheck*` fields and `Matcher` of a target group or `ModifyTargetGroup` body.
  static func healthCheck(_ r: ObjectReader) -> HealthCheckSpec {
    var spec = HealthCheckSpec(source: SourceRef(r.node))
    spec.enabled = r.bool("HealthCheckEnabled")
    spec.protocol = r.enumValue("HealthCheckProtocol", HealthCheckSpec.HealthCheckProtocol.self)
    spec.port = stringOrInteger(r, "HealthCheckPort")
    spec.path = r.string("HealthCheckPath")
    spec.intervalSeconds = r.int("HealthCheckIntervalSeconds", range: 5...300)
    spec.timeoutSeconds = r.int("HealthCheckTimeoutSeconds", range: 2...120)
    spec.healthyThresholdCount = r.int("HealthyThresholdCount", range: 2...10)
    spec.unhealthyThresholdCount = r.int("UnhealthyThresholdCount", range: 2...10)
    if let matcher = r.object("Matcher", what: "Matcher") {
      spec.httpCode = matcher.string("HttpCode")
      spec.grpcCode = matcher.string("GrpcCode")
      matcher.finish()
    }
    return spec
  }

  /// A value the API types as a string but people also write as a number (`HealthCheckPort`,
  /// a rule `Priority` as `describe-rules` prints it).
  static func stringOrInteger(_ r: ObjectReader, _ key: String) -> String? {
    guard let node = r.node(key), !node.isNull else { return nil }
    if let number = node.numberValue, number.isInteger { return number.text }
    return r.string(node, what: "'\(key)'")
  }

  static func attributes(_ r: ObjectReader, resourceKey: String) -> ELBAttributesSpec? {
    let resource = r.string(resourceKey, required: true)
    let attributes = r.context.objects(r.array("Attributes", required: true), what: "attribute") {
      attribute -> ELBAttributesSpec.Attribute? in
      guard let key = attribute.string("Key", required: true) else { return nil }
      guard let value = stringOrScalar(attribute, "Value") else { return nil }
      return .init(key: key, value: value, source: SourceRef(attribute.node))
    }
    guard let resource else { return nil }
    return ELBAttributesSpec(resource: resource, attributes: attributes, source: SourceRef(r.node))
  }

  /// An attribute value: a string, or a Boolean or integer written without quotes.
  static func stringOrScalar(_ r: ObjectReader, _ key: String) -> String? {
    guard let node = r.node(key, required: true) else { return nil }
    if let flag = node.boolValue { return flag ? "true" : "false" }
    if let number = node.numberValue, number.isInteger { return number.text }
    return r.string(node, what: "'\(key)'")
  }
}
