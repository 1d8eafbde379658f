import NetworkModel
import ScenarioFormat

/// Applies `lattice` call events (already resolved and validated by the model) to the live
/// configuration: they take effect for requests arriving from then on.
extension LatticeDataPlane: ServiceCallHandler {
  public func apply(_ call: ServiceCallSpec, in world: World) -> Bool {
    guard case .lattice(let spec) = call.body, let change = model.lattice.change(at: spec.source)
    else { return false }
    switch change.kind {
    case .setRule(let listener, _, let rule):
      if let position = lattice.listeners[listener].rules.firstIndex(where: { $0.id == rule.id }) {
        lattice.listeners[listener].rules[position] = rule
      }
      recompile(listener: listener)
    case .setDefaultAction(let listener, let action):
      lattice.listeners[listener].defaultAction = action
      recompile(listener: listener)
    case .setAuthPolicy(.serviceNetwork(let index), let policy):
      lattice.serviceNetworks[index].authPolicy = policy
    case .setAuthPolicy(.service(let index), let policy):
      lattice.services[index].authPolicy = policy
    case .setAuthType(.serviceNetwork(let index), let authType):
      lattice.serviceNetworks[index].authType = authType
    case .setAuthType(.service(let index), let authType):
      lattice.services[index].authType = authType
    case .setVPCAssociation(let index, let active):
      vpcAssociationActive[index] = active
    case .setServiceAssociation(let index, let active):
      serviceAssociationActive[index] = active
    }
    world.recordTimeline("VPC Lattice: \(change.summary)")
    return true
  }
}
