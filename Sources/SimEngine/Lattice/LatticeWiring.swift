import NetworkModel

/// Wires VPC Lattice into a world: one actor per service, the health checker, the link-local
/// handler and DNS authority (``LatticeDataPlane``), the target registry (which also learns of
/// ECS tasks) and the handler of `lattice` call events.
public enum LatticeWiring {
  /// Wires the model's Lattice configuration; nil when the scenario does not use Lattice.
  @discardableResult
  public static func wire(_ world: World) -> LatticeDataPlane? {
    let lattice = world.model.lattice
    guard !lattice.isEmpty else { return nil }
    let dataPlane = LatticeDataPlane(model: world.model)
    let checker = world.add(LatticeHealthChecker(dataPlane: dataPlane))
    dataPlane.healthChecker = checker
    dataPlane.serviceActors = lattice.services.indices.map {
      world.add(LatticeServiceActor(dataPlane: dataPlane, service: $0))
    }
    dataPlane.associationEndpoints = lattice.vpcAssociations.map { association in
      NetworkInterface(
        index: -1, address: 0, publicAddress: nil, subnet: nil, vpc: association.vpc, zone: nil,
        securityGroups: association.securityGroups, owner: checker.id,
        label: "VPC association \(association.id)", network: world.network)
    }
    dataPlane.targets = LatticeTargetRegistry(dataPlane: dataPlane)
    world.linkLocalHandler = dataPlane
    world.dnsAuthorities.append(dataPlane)
    world.lifecycleObservers.append(dataPlane.targets)
    world.serviceCallHandlers.append(dataPlane)
    dataPlane.targets.registerStaticTargets(in: world)
    checker.start(in: world)
    return dataPlane
  }
}
