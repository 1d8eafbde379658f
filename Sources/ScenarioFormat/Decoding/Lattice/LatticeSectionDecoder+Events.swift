import Diagnostics

/// API call events on the `lattice` section, in the request shapes of their operations.
extension LatticeSectionDecoder {
  static func event(_ operation: String, _ body: ObjectReader) -> LatticeCallSpec? {
    let source = SourceRef(body.node)
    let call: LatticeCallSpec.Operation?
    switch operation {
    case "updateRule":
      let service = body.string("serviceIdentifier")
      let listener = body.string("listenerIdentifier", required: true)
      let rule = body.string("ruleIdentifier", required: true)
      let priority = body.int("priority", range: 1...2000)
      let match = body.object("match", what: "rule match").flatMap { ruleMatch($0) }
      let action = body.object("action", what: "rule action").flatMap {
        reader -> LatticeRuleActionSpec? in
        defer { reader.finish() }
        return ruleAction(reader)
      }
      guard let listener, let rule else { return nil }
      if priority == nil && match == nil && action == nil && !body.has("match")
        && !body.has("action")
      {
        body.context.error(
          .schemaMissingKey, "updateRule changes nothing", at: body.node,
          hint: "give 'priority', 'match' or 'action'")
        return nil
      }
      call = .updateRule(
        service: service, listener: listener, rule: rule, priority: priority, match: match,
        action: action)
    case "updateListener":
      let service = body.string("serviceIdentifier")
      let listener = body.string("listenerIdentifier", required: true)
      let action = body.object("defaultAction", required: true, what: "defaultAction").flatMap {
        reader -> LatticeRuleActionSpec? in
        defer { reader.finish() }
        return ruleAction(reader)
      }
      guard let listener, let action else { return nil }
      call = .updateListener(service: service, listener: listener, defaultAction: action)
    case "putAuthPolicy":
      call = authPolicy(body).map { .putAuthPolicy($0) }
    case "deleteAuthPolicy":
      call = body.string("resourceIdentifier", required: true).map {
        .deleteAuthPolicy(resource: $0)
      }
    case "updateService":
      let service = body.string("serviceIdentifier", required: true)
      let authType = body.string("authType", required: true)
      _ = body.string("certificateArn")
      guard let service, let authType else { return nil }
      call = .updateService(service: service, authType: authType)
    case "updateServiceNetwork":
      let network = body.string("serviceNetworkIdentifier", required: true)
      let authType = body.string("authType", required: true)
      guard let network, let authType else { return nil }
      call = .updateServiceNetwork(serviceNetwork: network, authType: authType)
    case "createServiceNetworkVpcAssociation":
      call = vpcAssociation(body).map { .createVPCAssociation($0) }
    case "deleteServiceNetworkVpcAssociation":
      call = body.string("serviceNetworkVpcAssociationIdentifier", required: true).map {
        .deleteVPCAssociation(identifier: $0)
      }
    case "createServiceNetworkServiceAssociation":
      call = serviceAssociation(body).map { .createServiceAssociation($0) }
    case "deleteServiceNetworkServiceAssociation":
      call = body.string("serviceNetworkServiceAssociationIdentifier", required: true).map {
        .deleteServiceAssociation(identifier: $0)
      }
    default:
      call = nil
    }
    return call.map { LatticeCallSpec(operation: $0, source: source) }
  }
}
