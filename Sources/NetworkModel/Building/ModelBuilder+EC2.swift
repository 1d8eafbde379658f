import Diagnostics
import ScenarioFormat

extension ModelBuilder {
  /// VPCs, subnets (public when routed to an internet gateway), prefix lists, security groups.
  func buildEC2() {
    buildVPCs()
    buildSubnets()
    buildPrefixLists()
    buildSecurityGroups()
  }

  func buildVPCs() {
    let ec2 = document.ec2
    for spec in ec2.vpcs {
      guard let cidr = parseCIDR(spec.cidrBlock, at: field(spec.source, "CidrBlock")) else {
        continue
      }
      let id = spec.vpcID ?? "vpc-\(spec.name)"
      if !vpcTable.declare(spec.name, aliases: [id], index: model.vpcs.count, source: spec.source) {
        duplicate("VPC", spec.name, at: spec.source, table: vpcTable)
        continue
      }
      model.vpcs.append(VPC(id: id, name: spec.name, cidr: cidr, source: spec.source))
    }
  }

  /// Subnets, public when their route table (or their VPC's main one) sends 0.0.0.0/0 to an
  /// internet gateway, else when `MapPublicIpOnLaunch` says so.
  func buildSubnets() {
    let ec2 = document.ec2
    var routeTableOfSubnet: [String: Bool] = [:]
    var mainTableOfVPC: [Int: Bool] = [:]
    for table in ec2.routeTables {
      guard
        let vpc = vpcTable.resolve(
          table.vpc, at: field(table.source, "VpcId"), diagnostics: diagnostics)
      else { continue }
      let toInternet = table.routes.contains {
        $0.destinationCIDR == "0.0.0.0/0" && ($0.gatewayID?.hasPrefix("igw-") ?? false)
      }
      for association in table.associations {
        if association.main { mainTableOfVPC[vpc] = toInternet }
        if let subnet = association.subnet { routeTableOfSubnet[subnet] = toInternet }
      }
    }
    for spec in ec2.subnets {
      guard
        let vpc = vpcTable.resolve(
          spec.vpc, at: field(spec.source, "VpcId"), diagnostics: diagnostics),
        let cidr = parseCIDR(spec.cidrBlock, at: field(spec.source, "CidrBlock"))
      else { continue }
      if !model.vpcs[vpc].cidr.contains(cidr) {
        error(
          "model.subnet-outside-vpc",
          "subnet '\(spec.name)' (\(cidr)) is outside VPC '\(model.vpcs[vpc].name)' (\(model.vpcs[vpc].cidr))",
          at: field(spec.source, "CidrBlock"))
        continue
      }
      if let other = model.subnets.first(where: { $0.vpc == vpc && $0.cidr.overlaps(cidr) }) {
        error(
          "model.cidr-overlap",
          "subnet '\(spec.name)' (\(cidr)) overlaps subnet '\(other.name)' (\(other.cidr))",
          at: field(spec.source, "CidrBlock"))
        continue
      }
      let id = spec.subnetID ?? "subnet-\(spec.name)"
      let isPublic =
        routeTableOfSubnet[id] ?? routeTableOfSubnet[spec.name] ?? mainTableOfVPC[vpc]
        ?? spec.mapPublicIPOnLaunch
      if !subnetTable.declare(
        spec.name, aliases: [id], index: model.subnets.count, source: spec.source)
      {
        duplicate("subnet", spec.name, at: spec.source, table: subnetTable)
        continue
      }
      model.subnets.append(
        Subnet(
          id: id, name: spec.name, vpc: vpc, cidr: cidr, availabilityZone: spec.availabilityZone,
          isPublic: isPublic, source: spec.source))
    }
  }

  /// Security groups: every group is declared first, so rules can reference groups declared
  /// later; no egress rules written means the default allow-all egress rule.
  func buildSecurityGroups() {
    let ec2 = document.ec2
    var declared: [(SecurityGroupSpec, Int)] = []
    for spec in ec2.securityGroups {
      let id = spec.groupID ?? "sg-\(spec.name)"
      let index = model.securityGroups.count
      if !securityGroupTable.declare(
        spec.name, aliases: [id, spec.groupName, spec.tags.nameTag], index: index,
        source: spec.source)
      {
        duplicate("security group", spec.name, at: spec.source, table: securityGroupTable)
        continue
      }
      let vpc = spec.vpc.flatMap {
        vpcTable.resolve($0, at: field(spec.source, "VpcId"), diagnostics: diagnostics)
      }
      model.securityGroups.append(
        SecurityGroup(
          id: id, name: spec.name, vpc: vpc, ingress: [], egress: [], source: spec.source))
      declared.append((spec, index))
    }
    for (spec, index) in declared {
      model.securityGroups[index].ingress = spec.ingress.flatMap { securityGroupRules($0) }
      model.securityGroups[index].egress =
        spec.egress.map { $0.flatMap { securityGroupRules($0) } }
        ?? [
          SecurityGroupRule(
            ipProtocol: nil, ports: 0...65535,
            peers: [.cidr(CIDRBlock(network: 0, prefixLength: 0))],
            source: spec.source)
        ]
    }
  }

  func buildPrefixLists() {
    // AWS-managed lists every region has; Lattice's link-local range is the one that matters here.
    let managed = [
      ("pl-vpc-lattice", "com.amazonaws.\(document.region).vpc-lattice", ["169.254.171.0/24"])
    ]
    for spec in document.ec2.prefixLists {
      let cidrs = spec.cidrs.compactMap { parseCIDR($0, at: spec.source) }
      let name = spec.prefixListName ?? spec.prefixListID
      if !prefixListTable.declare(
        spec.prefixListID, aliases: [spec.prefixListName], index: model.prefixLists.count,
        source: spec.source)
      {
        duplicate("prefix list", spec.prefixListID, at: spec.source, table: prefixListTable)
        continue
      }
      model.prefixLists.append(PrefixList(id: spec.prefixListID, name: name, cidrs: cidrs))
    }
    for (id, name, cidrs) in managed where prefixListTable.lookup(name) == nil {
      prefixListTable.declare(
        name, aliases: [id], index: model.prefixLists.count, source: document.source)
      model.prefixLists.append(
        PrefixList(id: id, name: name, cidrs: cidrs.compactMap { CIDRBlock($0) }))
    }
  }

  /// Converts one `IpPermission` into a rule (also used by security-group events).
  public func securityGroupRules(_ spec: IPPermissionSpec) -> [SecurityGroupRule] {
    let protocolNumber: Int?
    switch spec.ipProtocol.lowercased() {
    case "-1", "all": protocolNumber = nil
    case "tcp", "6": protocolNumber = 6
    case "udp", "17": protocolNumber = 17
    case "icmp", "1": protocolNumber = 1
    default:
      error(
        "model.invalid-protocol", "unsupported IpProtocol '\(spec.ipProtocol)'",
        at: field(spec.source, "IpProtocol"),
        hint: "use tcp, udp, icmp or -1 (all)")
      return []
    }
    var ports = 0...65535
    if protocolNumber == 6 || protocolNumber == 17 {
      // A missing or invalid port was reported while decoding.
      guard let from = spec.fromPort, let to = spec.toPort else { return [] }
      guard from <= to, from >= 0 else {
        error(
          "schema.value-out-of-range", "port range \(from)-\(to) is empty",
          at: field(spec.source, "FromPort"))
        return []
      }
      ports = from...to
    }
    var peers: [SecurityGroupRule.Peer] = []
    for (offset, cidr) in spec.cidrs.enumerated() {
      if let block = parseCIDR(
        cidr, at: field(field(spec.source, "IpRanges", index: offset), "CidrIp"))
      {
        peers.append(.cidr(block))
      }
    }
    for (offset, group) in spec.groups.enumerated() {
      if let index = securityGroupTable.resolve(
        group, at: field(spec.source, "UserIdGroupPairs", index: offset), diagnostics: diagnostics)
      {
        peers.append(.group(index))
      }
    }
    for (offset, list) in spec.prefixLists.enumerated() {
      if let index = prefixListTable.resolve(
        list, at: field(spec.source, "PrefixListIds", index: offset), diagnostics: diagnostics)
      {
        peers.append(.prefixList(index))
      }
    }
    return [
      SecurityGroupRule(ipProtocol: protocolNumber, ports: ports, peers: peers, source: spec.source)
    ]
  }

  public func parseCIDR(_ text: String, at source: SourceRef) -> CIDRBlock? {
    guard let block = CIDRBlock(text) else {
      error(
        "model.invalid-cidr", "invalid CIDR block '\(text)'", at: source,
        hint: "write an IPv4 block such as \"10.0.1.0/24\"")
      return nil
    }
    return block
  }
}
