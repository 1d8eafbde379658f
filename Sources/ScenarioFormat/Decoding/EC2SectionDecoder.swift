import Diagnostics

/// Decodes the `ec2` section.
enum EC2SectionDecoder {
  static let describeOnlyKeys = [
    "OwnerId", "State", "IsDefault", "DhcpOptionsId", "InstanceTenancy", "CidrBlockAssociationSet",
    "Ipv6CidrBlockAssociationSet", "AvailableIpAddressCount", "DefaultForAz", "SubnetArn",
    "AvailabilityZoneId", "MapCustomerOwnedIpOnLaunch", "AssignIpv6AddressOnCreation",
    "Ipv6Native", "PrivateDnsNameOptionsOnLaunch", "EnableDns64", "BlockPublicAccessStates",
    "Description", "PropagatingVgws", "SecurityGroupArn", "Arn",
  ]

  static func decode(_ reader: ObjectReader) -> EC2Section {
    let context = reader.context
    var section = EC2Section()
    section.vpcs = context.objects(reader.array("vpcs"), what: "VPC") { vpc($0) }
    section.subnets = context.objects(reader.array("subnets"), what: "subnet") { subnet($0) }
    section.routeTables = context.objects(reader.array("routeTables"), what: "route table") {
      routeTable($0)
    }
    section.securityGroups = context.objects(reader.array("securityGroups"), what: "security group")
    {
      securityGroup($0)
    }
    section.prefixLists = context.objects(reader.array("prefixLists"), what: "prefix list") {
      prefixList($0)
    }
    return section
  }

  static func vpc(_ r: ObjectReader) -> VPCSpec? {
    r.accept(describeOnlyKeys + ["EnableDnsSupport", "EnableDnsHostnames"])
    let id = r.string("VpcId")
    let cidr = r.string("CidrBlock", required: true)
    let tags = r.ec2Tags()
    guard let cidr else { return nil }
    if id == nil && tags.nameTag == nil {
      r.context.diagnostics.error(
        "schema.missing-key",
        "VPC needs a 'VpcId' or a 'Name' tag so other resources can refer to it",
        at: r.node.location, path: r.node.path.description)
      return nil
    }
    return VPCSpec(vpcID: id, cidrBlock: cidr, tags: tags, source: SourceRef(r.node))
  }

  static func subnet(_ r: ObjectReader) -> SubnetSpec? {
    r.accept(describeOnlyKeys)
    let id = r.string("SubnetId")
    let vpc = r.string("VpcId", required: true)
    let cidr = r.string("CidrBlock", required: true)
    let zone = r.string("AvailabilityZone", required: true)
    let mapPublic = r.bool("MapPublicIpOnLaunch") ?? false
    let tags = r.ec2Tags()
    guard let vpc, let cidr, let zone else { return nil }
    if id == nil && tags.nameTag == nil {
      r.context.diagnostics.error(
        "schema.missing-key",
        "subnet needs a 'SubnetId' or a 'Name' tag so other resources can refer to it",
        at: r.node.location, path: r.node.path.description)
      return nil
    }
    return SubnetSpec(
      subnetID: id, vpc: vpc, cidrBlock: cidr, availabilityZone: zone,
      mapPublicIPOnLaunch: mapPublic,
      tags: tags, source: SourceRef(r.node))
  }

  static func routeTable(_ r: ObjectReader) -> RouteTableSpec? {
    r.accept(describeOnlyKeys)
    let id = r.string("RouteTableId")
    let vpc = r.string("VpcId", required: true)
    let context = r.context
    let routes = context.objects(r.array("Routes"), what: "route") {
      route -> RouteTableSpec.Route? in
      route.accept([
        "Origin", "State", "DestinationPrefixListId", "InstanceId", "NetworkInterfaceId",
        "TransitGatewayId", "VpcPeeringConnectionId", "InstanceOwnerId",
      ])
      guard let destination = route.string("DestinationCidrBlock", required: true) else {
        return nil
      }
      return .init(
        destinationCIDR: destination, gatewayID: route.string("GatewayId"),
        natGatewayID: route.string("NatGatewayId"))
    }
    let associations = context.objects(r.array("Associations"), what: "route table association") {
      association -> RouteTableSpec.Association? in
      association.accept([
        "RouteTableAssociationId", "RouteTableId", "AssociationState", "GatewayId",
      ])
      return .init(subnet: association.string("SubnetId"), main: association.bool("Main") ?? false)
    }
    let tags = r.ec2Tags()
    guard let vpc else { return nil }
    return RouteTableSpec(
      routeTableID: id, vpc: vpc, routes: routes, associations: associations, tags: tags,
      source: SourceRef(r.node))
  }

  static func securityGroup(_ r: ObjectReader) -> SecurityGroupSpec? {
    r.accept(describeOnlyKeys)
    let id = r.string("GroupId")
    let name = r.string("GroupName")
    let vpc = r.string("VpcId")
    let ingress = r.context.objects(r.array("IpPermissions"), what: "IpPermission") {
      permission($0)
    }
    let egress: [IPPermissionSpec]? =
      r.has("IpPermissionsEgress")
      ? r.context.objects(r.array("IpPermissionsEgress"), what: "IpPermission") { permission($0) }
      : nil
    let tags = r.ec2Tags()
    if id == nil && name == nil && tags.nameTag == nil {
      r.context.diagnostics.error(
        "schema.missing-key", "security group needs a 'GroupId' or a 'GroupName'",
        at: r.node.location, path: r.node.path.description)
      return nil
    }
    return SecurityGroupSpec(
      groupID: id, groupName: name, vpc: vpc, ingress: ingress, egress: egress, tags: tags,
      source: SourceRef(r.node))
  }

  /// Decodes one `IpPermission` (also used by the `authorizeSecurityGroupIngress` event).
  public static func permission(_ r: ObjectReader) -> IPPermissionSpec? {
    let context = r.context
    let ipProtocol = r.string("IpProtocol", required: true)
    let from = r.int("FromPort", range: -1...65535)
    let to = r.int("ToPort", range: -1...65535)
    if let ipProtocol, ["tcp", "udp", "6", "17"].contains(ipProtocol.lowercased()),
      !r.has("FromPort") || !r.has("ToPort")
    {
      context.diagnostics.error(
        "schema.missing-key", "\(ipProtocol) permission needs 'FromPort' and 'ToPort'",
        at: r.node.location, path: r.node.path.description,
        hint:
          "write the port range, e.g. \"FromPort\": 443, \"ToPort\": 443; IpProtocol \"-1\" means all ports"
      )
    }
    let cidrs = context.objects(r.array("IpRanges"), what: "IpRange") { range -> String? in
      _ = range.string("Description")
      return range.string("CidrIp", required: true)
    }
    _ = r.array("Ipv6Ranges")
    let groups = context.objects(r.array("UserIdGroupPairs"), what: "UserIdGroupPair") {
      pair -> String? in
      pair.accept(["UserId", "VpcId", "VpcPeeringConnectionId", "PeeringStatus", "Description"])
      let byID = pair.string("GroupId")
      let byName = pair.string("GroupName")
      if byID == nil && byName == nil {
        context.diagnostics.error(
          "schema.missing-key", "UserIdGroupPair needs 'GroupId' or 'GroupName'",
          at: pair.node.location, path: pair.node.path.description)
      }
      return byID ?? byName
    }
    let prefixLists = context.objects(r.array("PrefixListIds"), what: "PrefixListId") {
      entry -> String? in
      _ = entry.string("Description")
      return entry.string("PrefixListId", required: true)
    }
    guard let ipProtocol else { return nil }
    return IPPermissionSpec(
      ipProtocol: ipProtocol, fromPort: from, toPort: to, cidrs: cidrs, groups: groups,
      prefixLists: prefixLists, source: SourceRef(r.node))
  }

  static func prefixList(_ r: ObjectReader) -> PrefixListSpec? {
    r.accept([
      "State", "PrefixListArn", "AddressFamily", "MaxEntries", "Version", "OwnerId", "Tags",
    ])
    let id = r.string("PrefixListId", required: true)
    let name = r.string("PrefixListName")
    let cidrs = r.context.objects(r.array("Entries"), what: "prefix list entry") {
      entry -> String? in
      _ = entry.string("Description")
      return entry.string("Cidr", required: true)
    }
    guard let id else { return nil }
    return PrefixListSpec(
      prefixListID: id, prefixListName: name, cidrs: cidrs, source: SourceRef(r.node))
  }
}
