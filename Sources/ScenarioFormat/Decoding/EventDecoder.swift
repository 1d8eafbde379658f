import Diagnostics

/// Decodes `events[]`: `{"at": "30s", "<operation>": {…request body…}}`.
enum EventDecoder {
  /// Operations every scenario understands; service sections add theirs.
  static let coreOperations = [
    "updateService", "stopTask", "failHealthChecks", "recoverHealthChecks",
    "authorizeSecurityGroupIngress", "revokeSecurityGroupIngress",
    "authorizeSecurityGroupEgress", "revokeSecurityGroupEgress",
  ]

  /// Every operation an event may name (for the unknown-operation suggestion).
  static var allOperations: [String] {
    coreOperations + ELBSectionDecoder.eventOperations + AppMeshSectionDecoder.eventOperations
      + LatticeSectionDecoder.eventOperations
  }

  /// One event: its time and its single operation; nil when it cannot be used (reported).
  static func event(_ r: ObjectReader) -> EventSpec? {
    let context = r.context
    let at = r.duration("at", required: true)
    let operations = r.node.objectMembers.map(\.key).filter { $0 != "at" && $0 != "description" }
    _ = r.string("description")
    guard operations.count == 1, let operation = operations.first else {
      context.diagnostics.error(
        "schema.invalid-value",
        operations.isEmpty
          ? "event has no operation"
          : "event has several operations: \(operations.joined(separator: ", "))",
        at: r.node.location, path: r.node.path.description,
        hint:
          "write one operation per event, e.g. {\"at\": \"30s\", \"updateService\": {\"service\": \"backend\", \"desiredCount\": 3}}; operations: \(allOperations.joined(separator: ", "))"
      )
      for key in operations { _ = r.node(key) }
      return nil
    }
    guard allOperations.contains(operation) else {
      return nil  // `finish()` reports the unknown key with a did-you-mean over the known operations.
    }
    guard let body = r.object(operation, what: operation) else { return nil }
    defer { body.finish() }
    let action: EventAction?
    switch operation {
    case "updateService" where body.object["serviceIdentifier"] != nil:
      // VPC Lattice `UpdateService` shares its name with ECS's; its body names `serviceIdentifier`.
      action = LatticeSectionDecoder.event(operation, body).map {
        .serviceCall(ServiceCallSpec(operation: operation, body: .lattice($0)))
      }
    case "updateService":
      action = updateService(operation, body)
    case "stopTask":
      _ = body.string("cluster")
      _ = body.string("reason")
      action = body.string("task", required: true).map { .stopTask(task: $0) }
    case "failHealthChecks":
      action = body.string("task", required: true).map { .failHealthChecks(task: $0) }
    case "recoverHealthChecks":
      action = body.string("task", required: true).map { .recoverHealthChecks(task: $0) }
    case "authorizeSecurityGroupIngress", "revokeSecurityGroupIngress",
      "authorizeSecurityGroupEgress", "revokeSecurityGroupEgress":
      action = securityGroupChange(operation, body)
    default:
      action = serviceCall(operation, body).map { .serviceCall($0) }
    }
    guard let at, let action else {
      if at != nil { for key in operations { _ = r.node(key) } }
      return nil
    }
    return EventSpec(at: at, action: action, source: SourceRef(r.node))
  }

  /// ECS `UpdateService`: a new desired count or deployment, or a new Service Connect
  /// configuration (which always rolls a new deployment).
  static func updateService(_ operation: String, _ body: ObjectReader) -> EventAction? {
    let service = body.string("service", required: true)
    _ = body.string("cluster")
    let desired = body.int("desiredCount", range: 0...5000)
    let force = body.bool("forceNewDeployment") ?? false
    let serviceConnect = body.object(
      "serviceConnectConfiguration", what: "serviceConnectConfiguration"
    ).flatMap {
      reader -> ServiceConnectConfigurationSpec? in
      defer { reader.finish() }
      return ECSSectionDecoder.serviceConnectConfiguration(reader)
    }
    if let serviceConnect, let service {
      // A new Service Connect configuration always rolls a new deployment (forced or not).
      let update = ServiceConnectUpdateSpec(
        service: service, desiredCount: desired, configuration: serviceConnect,
        source: SourceRef(body.node))
      return .serviceCall(ServiceCallSpec(operation: operation, body: .serviceConnect(update)))
    } else {
      return service.map {
        .updateService(service: $0, desiredCount: desired, forceNewDeployment: force)
      }
    }
  }

  /// `Authorize/RevokeSecurityGroupIngress/Egress` with the group by id or name.
  static func securityGroupChange(_ operation: String, _ body: ObjectReader) -> EventAction? {
    let context = body.context
    let group = body.string("GroupId") ?? body.string("GroupName")
    let permissions = context.objects(
      body.array("IpPermissions", required: true), what: "IpPermission"
    ) {
      EC2SectionDecoder.permission($0)
    }
    if group == nil {
      context.diagnostics.error(
        "schema.missing-key", "\(operation) needs 'GroupId' or 'GroupName'",
        at: body.node.location, path: body.node.path.description)
    }
    return group.map {
      .changeSecurityGroup(
        group: $0, ingress: operation.hasSuffix("Ingress"),
        authorize: operation.hasPrefix("authorize"),
        permissions: permissions)
    }
  }

  /// A service section's API call (ELB, App Mesh, Lattice), decoded by that section.
  static func serviceCall(_ operation: String, _ body: ObjectReader) -> ServiceCallSpec? {
    if ELBSectionDecoder.eventOperations.contains(operation) {
      return ELBSectionDecoder.event(operation, body).map {
        ServiceCallSpec(operation: operation, body: .elb($0))
      }
    }
    if AppMeshSectionDecoder.eventOperations.contains(operation) {
      return AppMeshSectionDecoder.event(operation, body).map {
        ServiceCallSpec(operation: operation, body: .appMesh($0))
      }
    }
    if LatticeSectionDecoder.eventOperations.contains(operation) {
      return LatticeSectionDecoder.event(operation, body).map {
        ServiceCallSpec(operation: operation, body: .lattice($0))
      }
    }
    return nil
  }
}
