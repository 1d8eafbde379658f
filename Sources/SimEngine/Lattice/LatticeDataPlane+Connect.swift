import NetworkModel
import SimKernel

/// Connections to 169.254.171.0/24: the layered access checks of VPC Lattice (VPC Lattice user
/// guide, "Service networks", "Security groups"; aws-behaviour §3.2–3.3, §3.10).
///
/// 1. the client stands in a VPC (link-local addresses do not route from the internet);
/// 2. the VPC is associated with a service network;
/// 3. the service is associated with that network;
/// 4. the association's security groups admit the client (inbound rules against the client);
/// 5. the service listens on the port.
/// Failing 1–4 drops the packets (the client times out, no HTTP answer); failing 5 resets.
extension LatticeDataPlane: LinkLocalHandler {
  public func handles(_ address: UInt32) -> Bool {
    LatticeDataPlane.linkLocalRange.contains(address)
  }

  public func connect(
    _ e: Int32, from source: NetworkInterface, to address: UInt32, port: Int,
    extraDelay: SimDuration,
    in world: World
  ) {
    guard let (service, association) = admit(e, from: source, to: address, port: port, in: world)
    else { return }
    let actor = "VPC Lattice"
    var serviceName: String { lattice.services[service].name }
    let oneWay = world.model.settings.network
    guard
      let listener = lattice.services[service].listeners.first(where: {
        lattice.listeners[$0].port == port
      })
    else {
      world.note(
        e, actor, .failed,
        "service '\(serviceName)' has no listener on port \(port): connection reset")
      world.fail(e, .failure(.connectionRefused), after: extraDelay + oneWay + oneWay)
      return
    }
    world.exchanges[e].callee = serviceActors[service].id
    world.exchanges[e].calleeInterface = source.index
    world.exchanges[e].sourceAddress = source.address
    world.exchanges[e].calleeContext = Int64(association) << 32 | Int64(listener)
    world.exchanges[e].returnLatency = oneWay
    world.simulation.schedule(
      .requestArrived(exchange: e, generation: world.exchanges[e].generation),
      after: extraDelay + oneWay + world.model.settings.lattice)
  }

  /// Checks 1–4 for a connection from `source` to `address`: the service and the VPC
  /// association it comes through, or nil when the packets are dropped (noted and dropped).
  func admit(
    _ e: Int32, from source: NetworkInterface, to address: UInt32, port: Int, in world: World
  ) -> (service: Int, association: Int)? {
    let actor = "VPC Lattice"
    // Built only for traced requests (the notes' details are autoclosures).
    func target() -> String { "\(IPv4Address(address)):\(port)" }
    guard let service = serviceByAddress[address] else {
      world.note(e, actor, .failed, "no Lattice service answers on \(target()): packets go nowhere")
      world.drop(e, .noRouteToHost)
      return nil
    }
    // Names for the notes, looked up only when a note is built (traced requests).
    var serviceName: String { lattice.services[service].name }
    guard let vpc = source.vpc else {
      world.note(
        e, actor, .failed,
        "\(target()) is a VPC Lattice link-local address: only clients in a VPC associated with a service network reach it; the internet has no route"
      )
      world.drop(e, .noRouteToHost)
      return nil
    }
    var vpcName: String { model.vpcs[vpc].name }
    guard let association = association(ofVPC: vpc) else {
      world.note(
        e, actor, .failed,
        "VPC '\(vpcName)' is not associated with any service network: no route to service '\(serviceName)'"
      )
      world.drop(e, .noRouteToHost)
      return nil
    }
    let network = lattice.vpcAssociations[association].serviceNetwork
    var networkName: String { lattice.serviceNetworks[network].name }
    world.note(
      e, actor, .permitted,
      "VPC '\(vpcName)' is associated with service network '\(networkName)' (\(lattice.vpcAssociations[association].id))"
    )
    guard isAssociated(service: service, network: network) else {
      world.note(
        e, actor, .failed,
        "service '\(serviceName)' is not associated with service network '\(networkName)': no route"
      )
      world.drop(e, .noRouteToHost)
      return nil
    }
    world.note(
      e, actor, .permitted,
      "service '\(serviceName)' is associated with service network '\(networkName)'")
    let endpoint = associationEndpoints[association]
    if !endpoint.securityGroups.isEmpty {
      switch SecurityGroupFilter.ingressDecision(
        to: endpoint, from: source, seenAddress: source.address, privatePath: true,
        port: port, in: world)
      {
      case .denied(let reason):
        world.note(e, actor, .denied, "VPC association security groups: \(reason)")
        world.drop(e, .deniedBySecurityGroupIngress)
        return nil
      case .allowed(let reason):
        if let reason {
          world.note(e, actor, .permitted, "VPC association security groups: \(reason)")
        }
      }
    }
    return (service, association)
  }
}
