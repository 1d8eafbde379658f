import NetworkModel
import SimKernel

/// The load balancers' DNS names. An internet-facing name resolves everywhere to its nodes'
/// public addresses; an internal name resolves (publicly, as AWS does) to the nodes' private
/// addresses, which only the VPC can reach. Without cross-zone load balancing, a node whose zone
/// has no healthy target is left out of the answer unless every zone is in that state
/// (`dns_failover`, aws-behaviour §5.4). Records have a 60 s TTL.
extension LoadBalancingPlane: DNSAuthority {
  public func answer(_ name: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer?
  {
    guard let index = loadBalancers.firstIndex(where: { $0.dnsName == name }) else { return nil }
    let lb = loadBalancers[index]
    var chosen = nodes(of: index)
    var note = ""
    let serving = chosen.filter { zoneServes(balancer: index, zone: $0.zone) }
    if !serving.isEmpty && serving.count < chosen.count {
      chosen = serving
      note = "; nodes of zones without a healthy target left out"
    }
    let addresses = chosen.map { node -> UInt32 in
      let interface = world.interfaces[Int(node.interface)]
      return interface.publicAddress ?? interface.address
    }
    return DNSAnswer(
      addresses: addresses, ttl: .seconds(60),
      source:
        "\(lb.label), \(lb.isInternetFacing ? "internet-facing" : "internal"), \(addresses.count) node\(addresses.count == 1 ? "" : "s")\(note)"
    )
  }

  /// Whether a node in `zone` has a healthy target to send to in every group the balancer's
  /// listeners forward to (any zone's targets when cross-zone load balancing applies).
  func zoneServes(balancer: Int, zone: String) -> Bool {
    let groups = loadBalancers[balancer].listeners.flatMap { listeners[$0].targetGroups }
    return groups.allSatisfy { group in
      let crossZone = crossZone(group: group, balancer: balancer)
      return targetsOfGroup[group].contains { id in
        targets[id].isRoutable && targets[id].state == .healthy
          && (crossZone || targets[id].zone == zone || targets[id].zone == nil)
      }
    }
  }
}
