import Diagnostics
import ScenarioFormat

/// VPC and service associations, ECS registrations and the callers' IAM identities.
extension LatticeSectionBuilder {
  /// Security groups a VPC association may carry (fixed quota, aws-behaviour §3.8).
  static let associationSecurityGroupLimit = 5

  @discardableResult
  func buildVPCAssociation(_ spec: ServiceNetworkVPCAssociationSpec, activeAtStart: Bool) -> Int? {
    let network = networkTable.resolve(
      spec.serviceNetwork, at: builder.field(spec.source, "serviceNetworkIdentifier"),
      diagnostics: builder.diagnostics)
    let vpc = builder.vpcTable.resolve(
      spec.vpc, at: builder.field(spec.source, "vpcIdentifier"), diagnostics: builder.diagnostics)
    let groups = spec.securityGroups.enumerated().compactMap { offset, name in
      builder.securityGroupTable.resolve(
        name, at: builder.field(spec.source, "securityGroupIds", index: offset),
        diagnostics: builder.diagnostics)
    }
    if spec.securityGroups.count > Self.associationSecurityGroupLimit {
      builder.error(
        "model.too-many-security-groups",
        "a VPC association takes at most \(Self.associationSecurityGroupLimit) security groups",
        at: builder.field(spec.source, "securityGroupIds"))
    }
    guard let network, let vpc else { return nil }
    for group in groups {
      if let groupVPC = builder.model.securityGroups[group].vpc, groupVPC != vpc {
        builder.error(
          "model.security-group-in-other-vpc",
          "security group '\(builder.model.securityGroups[group].name)' belongs to another VPC than '\(builder.model.vpcs[vpc].name)'",
          at: builder.field(spec.source, "securityGroupIds"))
      }
    }
    let vpcName = builder.model.vpcs[vpc].name
    let id =
      spec.id
      ?? LatticeIdentifiers.id(
        "snva",
        "vpc-association/\(lattice.serviceNetworks[network].name)/\(vpcName)/\(spec.source.path)")
    let arn = spec.arn ?? LatticeIdentifiers.arn(document, "servicenetworkvpcassociation/\(id)")
    if activeAtStart,
      let first = lattice.vpcAssociations.first(where: { $0.vpc == vpc && $0.activeAtStart })
    {
      reportSecondAssociation(vpc: vpc, at: spec.source, first: first)
      return nil
    }
    let index = lattice.vpcAssociations.count
    if !vpcAssociationTable.declare(
      id, aliases: [arn, vpcName, builder.model.vpcs[vpc].id], index: index, source: spec.source)
    {
      builder.duplicate(
        "service network VPC association", id, at: spec.source, table: vpcAssociationTable)
      return nil
    }
    lattice.vpcAssociations.append(
      LatticeVPCAssociation(
        id: id, arn: arn, serviceNetwork: network, vpc: vpc, securityGroups: groups,
        privateDNSEnabled: spec.privateDnsEnabled ?? true, activeAtStart: activeAtStart,
        source: spec.source))
    return index
  }

  /// A VPC can be associated with only one service network (VPC Lattice user guide, "Service
  /// networks"; aws-behaviour §3.1).
  func reportSecondAssociation(vpc: Int, at source: SourceRef, first: LatticeVPCAssociation) {
    builder.error(
      "model.vpc-associated-twice",
      "VPC '\(builder.model.vpcs[vpc].name)' is already associated with service network '\(lattice.serviceNetworks[first.serviceNetwork].name)'; a VPC can be associated with only one service network",
      at: source, notes: [.init(message: "first associated here", location: first.source.location)])
  }

  @discardableResult
  func buildServiceAssociation(_ spec: ServiceNetworkServiceAssociationSpec, activeAtStart: Bool)
    -> Int?
  {
    let network = networkTable.resolve(
      spec.serviceNetwork, at: builder.field(spec.source, "serviceNetworkIdentifier"),
      diagnostics: builder.diagnostics)
    let service = serviceTable.resolve(
      spec.service, at: builder.field(spec.source, "serviceIdentifier"),
      diagnostics: builder.diagnostics)
    guard let network, let service else { return nil }
    let networkName = lattice.serviceNetworks[network].name
    let serviceName = lattice.services[service].name
    if activeAtStart,
      lattice.serviceAssociations.contains(where: {
        $0.serviceNetwork == network && $0.service == service && $0.activeAtStart
      })
    {
      builder.error(
        "model.duplicate-association",
        "service '\(serviceName)' is already associated with service network '\(networkName)'",
        at: spec.source)
      return nil
    }
    if let domain = lattice.services[service].customDomainName,
      let other = lattice.serviceAssociations.first(where: {
        $0.serviceNetwork == network && $0.service != service
          && lattice.services[$0.service].customDomainName == domain
      })
    {
      builder.error(
        "model.duplicate-custom-domain",
        "service '\(lattice.services[other.service].name)' in service network '\(networkName)' already uses custom domain '\(domain)'",
        at: spec.source, hint: "custom domain names are unique within a service network")
    }
    let id =
      spec.id
      ?? LatticeIdentifiers.id(
        "snsa", "service-association/\(networkName)/\(serviceName)/\(spec.source.path)")
    let arn = spec.arn ?? LatticeIdentifiers.arn(document, "servicenetworkserviceassociation/\(id)")
    let index = lattice.serviceAssociations.count
    if !serviceAssociationTable.declare(id, aliases: [arn], index: index, source: spec.source) {
      builder.duplicate(
        "service network service association", id, at: spec.source, table: serviceAssociationTable)
      return nil
    }
    lattice.serviceAssociations.append(
      LatticeServiceAssociation(
        id: id, arn: arn, serviceNetwork: network, service: service, activeAtStart: activeAtStart,
        source: spec.source))
    return index
  }

  func buildAuthPolicy(_ spec: LatticeAuthPolicySpec) {
    guard
      let resource = authResource(
        spec.resource, at: builder.field(spec.source, "resourceIdentifier")),
      let policy = authPolicy(spec)
    else { return }
    switch resource {
    case .serviceNetwork(let index):
      guard lattice.serviceNetworks[index].authPolicy == nil else {
        return duplicatePolicy(resource, at: spec.source)
      }
      lattice.serviceNetworks[index].authPolicy = policy
    case .service(let index):
      guard lattice.services[index].authPolicy == nil else {
        return duplicatePolicy(resource, at: spec.source)
      }
      lattice.services[index].authPolicy = policy
    }
  }

  func duplicatePolicy(_ resource: LatticeAuthResource, at source: SourceRef) {
    builder.error(
      "model.duplicate-auth-policy",
      "\(label(resource)) already has an auth policy; a resource has at most one",
      at: source, hint: "merge the statements into one policy")
  }

  /// `vpcLatticeConfigurations` of ECS services: each task registers `ip:containerPort` of the
  /// named port mapping in an IP target group of the service's VPC.
  func buildECSRegistrations() {
    for (index, service) in builder.model.services.enumerated() {
      for (offset, configuration) in service.spec.vpcLatticeConfigurations.enumerated() {
        let entry = builder.field(service.spec.source, "vpcLatticeConfigurations", index: offset)
        guard
          let group = targetGroupTable.resolve(
            configuration.targetGroup, at: builder.field(entry, "targetGroupArn"),
            diagnostics: builder.diagnostics)
        else { continue }
        let targetGroup = lattice.targetGroups[group]
        if targetGroup.type != .ip {
          builder.error(
            "model.invalid-target-group",
            "ECS registers tasks in IP target groups; '\(targetGroup.name)' is \(targetGroup.type.rawValue)",
            at: builder.field(entry, "targetGroupArn"))
          continue
        }
        let definition = builder.model.taskDefinitions[service.taskDefinition]
        guard let mapping = definition.portMapping(named: configuration.portName) else {
          let names = definition.containers.flatMap { $0.ports.compactMap(\.name) }
          builder.error(
            "model.unresolved-reference",
            "task definition '\(definition.family)' has no port mapping named '\(configuration.portName)'",
            at: builder.field(entry, "portName"),
            hint: names.isEmpty
              ? "name a port mapping with \"name\""
              : "named port mappings: \(names.joined(separator: ", "))")
          continue
        }
        if let vpc = builder.model.vpc(ofService: index), vpc != targetGroup.vpc {
          builder.error(
            "model.target-in-other-vpc",
            "service '\(service.name)' runs in VPC '\(builder.model.vpcs[vpc].name)', but target group '\(targetGroup.name)' is in '\(builder.model.vpcs[targetGroup.vpc].name)'",
            at: builder.field(entry, "targetGroupArn"))
          continue
        }
        lattice.ecsRegistrations.append(
          LatticeECSRegistration(
            service: index, targetGroup: group, port: mapping.containerPort,
            portName: configuration.portName, source: entry))
      }
    }
  }

  /// Principals on clients and traffic (and task roles, in Lattice scenarios) must be IAM
  /// identities auth policies can match.
  func validateCallers() {
    func check(_ text: String?, at source: SourceRef) {
      guard let text, LatticePrincipal.parse(text) == nil else { return }
      builder.error(
        "model.invalid-principal", "'\(text)' is not an IAM principal", at: source,
        hint: "write an account id, or an ARN such as arn:aws:iam::111111111111:role/orders")
    }
    for client in document.clients {
      check(client.principal, at: builder.field(client.source, "principal"))
    }
    for stream in document.traffic {
      check(stream.principal, at: builder.field(stream.source, "principal"))
    }
    // Task roles matter (and are checked) only when the scenario uses VPC Lattice.
    guard !document.lattice.isEmpty else { return }
    for definition in document.ecs.taskDefinitions {
      check(definition.taskRoleArn, at: builder.field(definition.source, "taskRoleArn"))
    }
  }
}
