import Diagnostics
import ScenarioFormat

/// Resolves `lattice` call events into ``LatticeChange``s, validated like the resources they
/// change, in time order (so an association created by an event counts from then on).
extension LatticeSectionBuilder {
  func buildChanges() {
    // Which VPC associations exist at each point of the replay.
    var active = lattice.vpcAssociations.map(\.activeAtStart)
    for (_, call) in document.serviceCalls(\.lattice) {
      guard let change = change(call, activeVPCAssociations: &active) else { continue }
      lattice.changes.append(change)
    }
  }

  /// The change one call makes, resolved and validated; nil when it is invalid (reported).
  func change(_ call: LatticeCallSpec, activeVPCAssociations active: inout [Bool]) -> LatticeChange?
  {
    let source = call.source
    switch call.operation {
    case .updateRule(
      let service, let listenerName, let ruleName, let priority, let match, let action):
      return updateRule(
        service: service, listenerName: listenerName, ruleName: ruleName, priority: priority,
        match: match,
        action: action, source: source)
    case .updateListener(let service, let listenerName, let actionSpec):
      guard
        let listener = resolveListener(
          listenerName, service: service, at: builder.field(source, "listenerIdentifier")),
        let action = ruleAction(
          actionSpec, listenerProtocol: lattice.listeners[listener].listenerProtocol)
      else { return nil }
      return LatticeChange(
        kind: .setDefaultAction(listener: listener, action),
        summary: "UpdateListener: new default action on \(lattice.listeners[listener].label)",
        source: source)
    case .putAuthPolicy, .deleteAuthPolicy, .updateService, .updateServiceNetwork:
      return authChange(call)
    case .createVPCAssociation, .deleteVPCAssociation, .createServiceAssociation,
      .deleteServiceAssociation:
      return associationChange(call, activeVPCAssociations: &active)
    }
  }

  /// `PutAuthPolicy`, `DeleteAuthPolicy` and the auth type of `UpdateService(Network)`.
  func authChange(_ call: LatticeCallSpec) -> LatticeChange? {
    let source = call.source
    switch call.operation {
    case .putAuthPolicy(let spec):
      guard
        let resource = authResource(spec.resource, at: builder.field(source, "resourceIdentifier")),
        let policy = authPolicy(spec)
      else { return nil }
      return LatticeChange(
        kind: .setAuthPolicy(resource, policy), summary: "PutAuthPolicy on \(label(resource))",
        source: source)
    case .deleteAuthPolicy(let reference):
      guard let resource = authResource(reference, at: builder.field(source, "resourceIdentifier"))
      else { return nil }
      return LatticeChange(
        kind: .setAuthPolicy(resource, nil), summary: "DeleteAuthPolicy on \(label(resource))",
        source: source)
    case .updateService(let reference, let typeName):
      guard
        let service = serviceTable.resolve(
          reference, at: builder.field(source, "serviceIdentifier"),
          diagnostics: builder.diagnostics),
        let authType = authTypeValue(typeName, at: builder.field(source, "authType"))
      else { return nil }
      return LatticeChange(
        kind: .setAuthType(.service(service), authType),
        summary:
          "UpdateService: service '\(lattice.services[service].name)' auth type \(authType.rawValue)",
        source: source)
    case .updateServiceNetwork(let reference, let typeName):
      guard
        let network = networkTable.resolve(
          reference, at: builder.field(source, "serviceNetworkIdentifier"),
          diagnostics: builder.diagnostics),
        let authType = authTypeValue(typeName, at: builder.field(source, "authType"))
      else { return nil }
      return LatticeChange(
        kind: .setAuthType(.serviceNetwork(network), authType),
        summary:
          "UpdateServiceNetwork: service network '\(lattice.serviceNetworks[network].name)' auth type \(authType.rawValue)",
        source: source)
    default:
      return nil
    }
  }

  /// Service network associations created or deleted; `active` tracks which VPC associations
  /// exist at this point of the replay.
  func associationChange(_ call: LatticeCallSpec, activeVPCAssociations active: inout [Bool])
    -> LatticeChange?
  {
    let source = call.source
    switch call.operation {
    case .createVPCAssociation(let spec):
      guard let index = buildVPCAssociation(spec, activeAtStart: false) else { return nil }
      let vpc = lattice.vpcAssociations[index].vpc
      // `active` covers the associations that existed before this one.
      if let other = active.indices.first(where: {
        active[$0] && lattice.vpcAssociations[$0].vpc == vpc
      }) {
        reportSecondAssociation(vpc: vpc, at: source, first: lattice.vpcAssociations[other])
      }
      active.append(true)
      return LatticeChange(
        kind: .setVPCAssociation(index, active: true),
        summary:
          "CreateServiceNetworkVpcAssociation: VPC '\(builder.model.vpcs[vpc].name)' joins service network '\(lattice.serviceNetworks[lattice.vpcAssociations[index].serviceNetwork].name)'",
        source: source)
    case .deleteVPCAssociation(let identifier):
      guard
        let index = vpcAssociationTable.resolve(
          identifier, at: builder.field(source, "serviceNetworkVpcAssociationIdentifier"),
          diagnostics: builder.diagnostics)
      else { return nil }
      active[index] = false
      return LatticeChange(
        kind: .setVPCAssociation(index, active: false),
        summary:
          "DeleteServiceNetworkVpcAssociation: VPC '\(builder.model.vpcs[lattice.vpcAssociations[index].vpc].name)' leaves service network '\(lattice.serviceNetworks[lattice.vpcAssociations[index].serviceNetwork].name)'",
        source: source)
    case .createServiceAssociation(let spec):
      guard let index = buildServiceAssociation(spec, activeAtStart: false) else { return nil }
      let association = lattice.serviceAssociations[index]
      return LatticeChange(
        kind: .setServiceAssociation(index, active: true),
        summary:
          "CreateServiceNetworkServiceAssociation: service '\(lattice.services[association.service].name)' joins service network '\(lattice.serviceNetworks[association.serviceNetwork].name)'",
        source: source)
    case .deleteServiceAssociation(let identifier):
      guard
        let index = serviceAssociationTable.resolve(
          identifier, at: builder.field(source, "serviceNetworkServiceAssociationIdentifier"),
          diagnostics: builder.diagnostics)
      else { return nil }
      let association = lattice.serviceAssociations[index]
      return LatticeChange(
        kind: .setServiceAssociation(index, active: false),
        summary:
          "DeleteServiceNetworkServiceAssociation: service '\(lattice.services[association.service].name)' leaves service network '\(lattice.serviceNetworks[association.serviceNetwork].name)'",
        source: source)
    default:
      return nil
    }
  }

  func updateRule(
    service: String?, listenerName: String, ruleName: String, priority: Int?,
    match: LatticeHTTPMatchSpec?,
    action: LatticeRuleActionSpec?, source: SourceRef
  ) -> LatticeChange? {
    guard
      let listener = resolveListener(
        listenerName, service: service, at: builder.field(source, "listenerIdentifier"))
    else { return nil }
    let specs = ruleSpecs[listener]
    let rules = lattice.listeners[listener].rules
    guard
      let position = rules.firstIndex(where: {
        $0.name == ruleName || $0.id == ruleName || $0.arn == ruleName
      }),
      let original = specs.first(where: { $0.name == rules[position].name })
    else {
      var notes: [Diagnostic.Note] = []
      if let candidate = Suggestions.closest(to: ruleName, in: rules.map(\.name)) {
        notes.append(.init(message: "did you mean '\(candidate)'?"))
      }
      builder.error(
        "model.unresolved-reference",
        "listener '\(lattice.listeners[listener].name)' has no rule '\(ruleName)'",
        at: builder.field(source, "ruleIdentifier"), notes: notes)
      return nil
    }
    var updated = original
    updated.priority = priority ?? original.priority
    updated.match = match ?? original.match
    updated.action = action ?? original.action
    updated.source = source
    updated.id = rules[position].id
    updated.arn = rules[position].arn
    if let priority,
      let other = rules.first(where: { $0.priority == priority && $0.name != original.name })
    {
      builder.error(
        "model.duplicate-priority", "priority \(priority) is already used by rule '\(other.name)'",
        at: builder.field(source, "priority"))
      return nil
    }
    guard let rule = rule(updated, listener: listener) else { return nil }
    var changed: [String] = []
    if priority != nil { changed.append("priority \(rule.priority)") }
    if match != nil { changed.append("match \(rule.condition.summary)") }
    if action != nil { changed.append("new action") }
    return LatticeChange(
      kind: .setRule(listener: listener, rule: position, rule),
      summary:
        "UpdateRule '\(rule.name)' on \(lattice.listeners[listener].label): \(changed.joined(separator: ", "))",
      source: source)
  }
}
