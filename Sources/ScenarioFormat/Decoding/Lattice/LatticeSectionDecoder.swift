import Diagnostics

/// Decodes the `lattice` section: each resource in its VPC Lattice API request shape.
enum LatticeSectionDecoder {
  /// Fields VPC Lattice returns in `get-*`/`list-*` output that do not change routing.
  static let describeOnlyKeys = [
    "status", "createdAt", "lastUpdatedAt", "createdBy", "failureCode", "failureMessage", "tags",
    "clientToken",
  ]

  /// Event operations of the section (`updateService` is shared with ECS; `EventDecoder` sends
  /// it here when its body has `serviceIdentifier`).
  static let eventOperations = [
    "updateRule", "updateListener", "putAuthPolicy", "deleteAuthPolicy", "updateServiceNetwork",
    "createServiceNetworkVpcAssociation", "deleteServiceNetworkVpcAssociation",
    "createServiceNetworkServiceAssociation", "deleteServiceNetworkServiceAssociation",
  ]

  static func decode(_ reader: ObjectReader) -> LatticeSection {
    let context = reader.context
    var section = LatticeSection()
    section.serviceNetworks = context.objects(
      reader.array("serviceNetworks"), what: "service network"
    ) { serviceNetwork($0) }
    section.services = context.objects(reader.array("services"), what: "Lattice service") {
      service($0)
    }
    section.listeners = context.objects(reader.array("listeners"), what: "Lattice listener") {
      listener($0)
    }
    section.rules = context.objects(reader.array("rules"), what: "Lattice rule") { rule($0) }
    section.targetGroups = context.objects(
      reader.array("targetGroups"), what: "Lattice target group"
    ) { targetGroup($0) }
    section.vpcAssociations = context.objects(
      reader.array("serviceNetworkVpcAssociations"), what: "service network VPC association"
    ) { vpcAssociation($0) }
    section.serviceAssociations = context.objects(
      reader.array("serviceNetworkServiceAssociations"),
      what: "service network service association"
    ) { serviceAssociation($0) }
    section.authPolicies = context.objects(reader.array("authPolicies"), what: "auth policy") {
      authPolicy($0)
    }
    return section
  }

  static func serviceNetwork(_ r: ObjectReader) -> ServiceNetworkSpec? {
    r.accept(
      describeOnlyKeys + ["sharingConfig", "numberOfAssociatedServices", "numberOfAssociatedVPCs"])
    let name = r.string("name", required: true)
    let authType = r.string("authType")
    let id = r.string("id")
    let arn = r.string("arn")
    guard let name else { return nil }
    return ServiceNetworkSpec(
      name: name, authType: authType, id: id, arn: arn, source: SourceRef(r.node))
  }

  static func service(_ r: ObjectReader) -> LatticeServiceSpec? {
    r.accept(describeOnlyKeys)
    let name = r.string("name", required: true)
    let authType = r.string("authType")
    let domain = r.string("customDomainName")
    let certificate = r.string("certificateArn")
    let id = r.string("id")
    let arn = r.string("arn")
    var dnsName: String?
    if let entry = r.object("dnsEntry", what: "dnsEntry") {
      dnsName = entry.string("domainName")
      _ = entry.string("hostedZoneId")
      entry.finish()
    }
    guard let name else { return nil }
    return LatticeServiceSpec(
      name: name, authType: authType, customDomainName: domain, certificateArn: certificate, id: id,
      arn: arn, dnsName: dnsName, source: SourceRef(r.node))
  }

  static func vpcAssociation(_ r: ObjectReader) -> ServiceNetworkVPCAssociationSpec? {
    r.accept(
      describeOnlyKeys + [
        "dnsOptions", "serviceNetworkArn", "serviceNetworkId", "serviceNetworkName", "vpcId",
      ])
    let network = r.string("serviceNetworkIdentifier", required: true)
    let vpc = r.string("vpcIdentifier", required: true)
    let groups = r.stringArray("securityGroupIds") ?? []
    let privateDNS = r.bool("privateDnsEnabled")
    let id = r.string("id")
    let arn = r.string("arn")
    guard let network, let vpc else { return nil }
    return ServiceNetworkVPCAssociationSpec(
      serviceNetwork: network, vpc: vpc, securityGroups: groups, privateDnsEnabled: privateDNS,
      id: id,
      arn: arn, source: SourceRef(r.node))
  }

  static func serviceAssociation(_ r: ObjectReader) -> ServiceNetworkServiceAssociationSpec? {
    r.accept(
      describeOnlyKeys + [
        "dnsEntry", "customDomainName", "serviceArn", "serviceId", "serviceName",
        "serviceNetworkArn", "serviceNetworkId", "serviceNetworkName",
      ])
    let network = r.string("serviceNetworkIdentifier", required: true)
    let service = r.string("serviceIdentifier", required: true)
    let id = r.string("id")
    let arn = r.string("arn")
    guard let network, let service else { return nil }
    return ServiceNetworkServiceAssociationSpec(
      serviceNetwork: network, service: service, id: id, arn: arn, source: SourceRef(r.node))
  }

  static func authPolicy(_ r: ObjectReader) -> LatticeAuthPolicySpec? {
    r.accept(["state"])
    let resource = r.string("resourceIdentifier", required: true)
    let document = r.node("policy", required: true).flatMap {
      policyDocument($0, context: r.context)
    }
    guard let resource, let document else { return nil }
    return LatticeAuthPolicySpec(resource: resource, document: document, source: SourceRef(r.node))
  }

  /// The policy as a positioned JSON object, whether written as an object or as a JSON string.
  ///
  /// A string is parsed on its own; positions inside it are mapped back onto the scenario file
  /// (exact for policies without escape sequences, which AWS's one-line policies usually are).
  static func policyDocument(_ node: JSONNode, context: DecodingContext) -> JSONNode? {
    switch node.value {
    case .object:
      return node
    case .string(let text):
      let inner = DiagnosticEngine()
      let parsed = JSONReader.parse(text, file: context.file, diagnostics: inner)
      for problem in inner.diagnostics {
        let location = problem.location.map { relocate($0, into: node) } ?? node.location
        context.diagnostics.error(
          problem.id, "in the auth policy string: \(problem.message)", at: location,
          path: node.path.description, hint: problem.hint)
      }
      guard let parsed else { return nil }
      guard case .object = parsed.value else {
        context.reportTypeMismatch(expected: "object", for: "the auth policy", found: parsed)
        return nil
      }
      return relocate(parsed, into: node)
    default:
      context.reportTypeMismatch(
        expected: "policy object or JSON string", for: "'policy'", found: node)
      return nil
    }
  }

  /// Moves a node parsed from the string at `host` into the scenario file's coordinates.
  static func relocate(_ node: JSONNode, into host: JSONNode) -> JSONNode {
    var moved = node
    moved.location = relocate(node.location, into: host)
    moved.path = JSONPath(host.path.components + node.path.components)
    switch node.value {
    case .array(let elements):
      moved.value = .array(elements.map { relocate($0, into: host) })
    case .object(let object):
      moved.value = .object(
        JSONObject(
          members: object.members.map { member in
            JSONObject.Member(
              key: member.key, keyLocation: relocate(member.keyLocation, into: host),
              value: relocate(member.value, into: host))
          }))
    default:
      break
    }
    return moved
  }

  static func relocate(_ location: SourceLocation, into host: JSONNode) -> SourceLocation {
    // A JSON string holds no raw line break: a later line came from a `\n` escape, which has
    // no column of its own in the file, so point at the string itself.
    guard location.line == 1 else { return host.location }
    // +1 skips the opening quote of the string.
    return SourceLocation(
      file: host.location.file, line: host.location.line,
      column: host.location.column + location.column)
  }
}
