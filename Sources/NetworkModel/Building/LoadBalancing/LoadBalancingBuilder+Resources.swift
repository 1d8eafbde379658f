import Diagnostics
import ScenarioFormat
import SimKernel

/// Load balancers and target groups.
extension LoadBalancingBuilder {
  func buildLoadBalancer(_ spec: LoadBalancerSpec) {
    let source = spec.source
    guard spec.kind != .gateway else {
      error(
        "model.unsupported", "Gateway Load Balancers are not modelled", at: field(source, "Type"),
        hint: "MeshSim models Application and Network Load Balancers")
      return
    }
    let kind: LoadBalancer.Kind = spec.kind == .application ? .application : .network
    checkLoadBalancerName(spec.name, at: field(source, "Name"))
    guard let (subnets, vpc) = loadBalancerSubnets(spec, kind: kind) else { return }
    let groups = loadBalancerSecurityGroups(spec, kind: kind, vpc: vpc)
    if spec.scheme == .internetFacing {
      for subnet in subnets where !model.subnets[subnet].isPublic {
        warning(
          "model.internet-facing-in-private-subnet",
          "internet-facing load balancer '\(spec.name)' has a node in private subnet "
            + "'\(model.subnets[subnet].name)', which the internet cannot reach",
          at: field(source, "Subnets"),
          hint:
            "give an internet-facing load balancer public subnets (routed to an internet gateway)")
      }
    }
    let id = Self.identifier("loadbalancer/\(spec.name)")
    let type = kind == .application ? "app" : "net"
    let arn = spec.arn ?? "\(arnPrefix)loadbalancer/\(type)/\(spec.name)/\(id)"
    let internetFacing = spec.scheme == .internetFacing
    let dnsName =
      (spec.dnsName
      ?? defaultDNSName(spec.name, kind: kind, internetFacing: internetFacing, id: id)).lowercased()
    let index = result.loadBalancers.count
    if !loadBalancerTable.declare(
      spec.name, aliases: [arn, spec.tags.nameTag], index: index, source: source)
    {
      base.duplicate("load balancer", spec.name, at: source, table: loadBalancerTable)
      return
    }
    if let other = result.loadBalancers.first(where: { $0.dnsName == dnsName }) {
      error(
        "model.duplicate-name",
        "DNS name '\(dnsName)' is also the name of load balancer '\(other.name)'",
        at: field(source, "DNSName"))
    }
    result.loadBalancers.append(
      LoadBalancer(
        name: spec.name, arn: arn, dnsName: dnsName, kind: kind, isInternetFacing: internetFacing,
        vpc: vpc, subnets: subnets, securityGroups: groups, listeners: [],
        attributes: LoadBalancerAttributes(kind: kind), source: source))
  }

  /// The load balancer's subnets (one per zone, an ALB in at least two zones) and their VPC;
  /// nil when none resolves or they span several VPCs (reported).
  func loadBalancerSubnets(_ spec: LoadBalancerSpec, kind: LoadBalancer.Kind) -> ([Int], Int)? {
    let source = spec.source
    var subnets: [Int] = []
    var zones: [String: Int] = [:]
    for (offset, reference) in spec.subnets.enumerated() {
      let at = field(source, "Subnets", index: offset)
      guard let subnet = base.subnetTable.resolve(reference, at: at, diagnostics: diagnostics)
      else { continue }
      let zone = model.subnets[subnet].availabilityZone
      if let other = zones[zone] {
        error(
          "model.load-balancer-subnets",
          "subnets '\(model.subnets[other].name)' and '\(model.subnets[subnet].name)' are both in "
            + "\(zone); a load balancer takes one subnet per Availability Zone",
          at: at)
        continue
      }
      zones[zone] = subnet
      subnets.append(subnet)
    }
    if kind == .application && zones.count == 1 {
      error(
        "model.load-balancer-subnets",
        "an Application Load Balancer needs subnets in at least two Availability Zones",
        at: field(source, "Subnets"))
    }
    let vpcs = subnets.map { model.subnets[$0].vpc }
    guard let vpc = vpcs.first else { return nil }
    if vpcs.contains(where: { $0 != vpc }) {
      error(
        "model.subnets-in-several-vpcs",
        "load balancer '\(spec.name)' spreads over subnets of several VPCs",
        at: field(source, "Subnets"))
      return nil
    }
    if let declared = spec.vpc,
      let index = base.vpcTable.resolve(
        declared, at: field(source, "VpcId"), diagnostics: diagnostics),
      index != vpc
    {
      error(
        "model.vpc-mismatch",
        "'VpcId' names VPC '\(model.vpcs[index].name)' but the subnets are in '\(model.vpcs[vpc].name)'",
        at: field(source, "VpcId"))
    }
    return (subnets, vpc)
  }

  /// `my-alb-1234567890.us-east-1.elb.amazonaws.com` (ALB, `internal-` first when internal) or
  /// `my-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com` (NLB).
  func defaultDNSName(_ name: String, kind: LoadBalancer.Kind, internetFacing: Bool, id: String)
    -> String
  {
    switch kind {
    case .application:
      let digits = String(StableHash.fnv1a64("dns/\(name)") % 10_000_000_000)
      return
        "\(internetFacing ? "" : "internal-")\(name)-\(digits).\(document.region).elb.amazonaws.com"
    case .network:
      return
        "\(internetFacing ? "" : "internal-")\(name)-\(id).elb.\(document.region).amazonaws.com"
    }
  }

  /// Names are 1–32 letters, digits and hyphens, neither starting nor ending with a hyphen,
  /// and not starting with `internal-` (`CreateLoadBalancer`).
  func checkLoadBalancerName(_ name: String, at source: SourceRef) {
    let valid =
      (1...32).contains(name.count) && !name.hasPrefix("-") && !name.hasSuffix("-")
      && !name.hasPrefix("internal-")
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
      }
    if !valid {
      error(
        "model.invalid-name", "invalid load balancer name '\(name)'", at: source,
        hint:
          "1 to 32 letters, digits and hyphens, not starting or ending with a hyphen or starting with 'internal-'"
      )
    }
  }

  /// The groups of a load balancer. An ALB created without groups gets the VPC's default group;
  /// an NLB created without groups has none, for ever.
  func loadBalancerSecurityGroups(_ spec: LoadBalancerSpec, kind: LoadBalancer.Kind, vpc: Int)
    -> [Int]
  {
    let references = spec.securityGroups ?? []
    if references.isEmpty {
      guard kind == .application else { return [] }
      if let index = base.securityGroupTable.lookup("default"),
        model.securityGroups[index].vpc == nil || model.securityGroups[index].vpc == vpc
      {
        return [index]
      }
      error(
        "model.missing-security-groups",
        "ALB '\(spec.name)' has no 'SecurityGroups', so AWS would give it the VPC's default security group, which this scenario does not declare",
        at: spec.source, hint: "list the ALB's security groups in 'SecurityGroups'")
      return []
    }
    var groups: [Int] = []
    for (offset, reference) in references.enumerated() {
      let at = field(spec.source, "SecurityGroups", index: offset)
      guard let group = base.securityGroupTable.resolve(reference, at: at, diagnostics: diagnostics)
      else { continue }
      if let groupVPC = model.securityGroups[group].vpc, groupVPC != vpc {
        error(
          "model.security-group-in-other-vpc",
          "security group '\(model.securityGroups[group].name)' belongs to another VPC than load balancer '\(spec.name)'",
          at: at)
      }
      if !groups.contains(group) { groups.append(group) }
    }
    if groups.count > 5 {
      error(
        "model.too-many-security-groups", "a load balancer takes at most 5 security groups",
        at: field(spec.source, "SecurityGroups"))
    }
    return groups
  }

  func buildTargetGroup(_ spec: TargetGroupSpec) {
    let source = spec.source
    switch spec.targetType {
    case .lambda, .alb:
      error(
        "model.unsupported", "target type '\(spec.targetType.rawValue)' is not modelled",
        at: field(source, "TargetType"),
        hint: "MeshSim models 'ip' targets (ECS tasks in awsvpc mode) and 'instance' target groups")
      return
    case .instance, .ip:
      break
    }
    guard let proto = spec.protocol else {
      error("schema.missing-key", "target group '\(spec.name)' needs 'Protocol'", at: source)
      return
    }
    guard proto != .geneve else {
      error(
        "model.unsupported", "GENEVE target groups (Gateway Load Balancers) are not modelled",
        at: field(source, "Protocol"))
      return
    }
    guard let port = spec.port else {
      error(
        "schema.missing-key", "target group '\(spec.name)' needs 'Port'", at: source,
        hint: "targets registered without a port get this one; ECS registers the container port")
      return
    }
    if spec.protocolVersion != nil && !proto.isApplication {
      error(
        "model.invalid-protocol-version",
        "'ProtocolVersion' applies only to HTTP and HTTPS target groups",
        at: field(source, "ProtocolVersion"))
    }
    if spec.name.count > 32 || spec.name.isEmpty || spec.name.hasPrefix("-")
      || spec.name.hasSuffix("-")
    {
      error(
        "model.invalid-name", "invalid target group name '\(spec.name)'", at: field(source, "Name"),
        hint: "1 to 32 letters, digits and hyphens, not starting or ending with a hyphen")
    }
    var vpc: Int?
    if let reference = spec.vpc {
      vpc = base.vpcTable.resolve(reference, at: field(source, "VpcId"), diagnostics: diagnostics)
    } else {
      error("schema.missing-key", "target group '\(spec.name)' needs 'VpcId'", at: source)
    }
    let version = spec.protocolVersion ?? .http1
    let health = healthCheck(
      spec.healthCheck, base: nil, protocol: proto, version: version,
      targetType: spec.targetType)
    let id = Self.identifier("targetgroup/\(spec.name)")
    let arn = spec.arn ?? "\(arnPrefix)targetgroup/\(spec.name)/\(id)"
    let index = result.targetGroups.count
    if !targetGroupTable.declare(
      spec.name, aliases: [arn, spec.tags.nameTag], index: index, source: source)
    {
      base.duplicate("target group", spec.name, at: source, table: targetGroupTable)
      return
    }
    result.targetGroups.append(
      TargetGroup(
        name: spec.name, arn: arn, protocol: proto, protocolVersion: version, port: port, vpc: vpc,
        targetType: spec.targetType,
        healthCheck: health ?? .defaults(for: proto, version: version, checkProtocol: nil),
        attributes: TargetGroupAttributes(protocol: proto, targetType: spec.targetType),
        loadBalancers: [], source: source))
  }
}
