import NetworkModel
import SimKernel

/// DNS for Lattice services (VPC Lattice user guide, "Custom domain names"; aws-behaviour §3.2).
///
/// A generated name (`<service>-<id>.<partition>.vpc-lattice-svcs.<region>.on.aws`) is public:
/// it resolves from anywhere, the internet included, to the service's link-local address. A
/// custom domain name resolves inside VPCs associated (with private DNS enabled) to a service
/// network that contains the service, as Lattice's managed private hosted zone or an alias
/// record makes it; elsewhere it is not Lattice's to answer.
extension LatticeDataPlane: DNSAuthority {
  /// TTL of Lattice's answers.
  static let answerTTL = SimDuration.seconds(60)

  public func answer(_ name: String, fromVPC vpc: Int?, asker: Int32, in world: World) -> DNSAnswer?
  {
    if let service = serviceByName[name] {
      return DNSAnswer(
        addresses: [serviceAddresses[service]], ttl: LatticeDataPlane.answerTTL,
        source: "public VPC Lattice name of service '\(lattice.services[service].name)'")
    }
    guard let candidates = servicesByCustomDomain[name], let vpc,
      let association = association(ofVPC: vpc),
      lattice.vpcAssociations[association].privateDNSEnabled
    else { return nil }
    let network = lattice.vpcAssociations[association].serviceNetwork
    guard let service = candidates.first(where: { isAssociated(service: $0, network: network) })
    else { return nil }
    return DNSAnswer(
      addresses: [serviceAddresses[service]], ttl: LatticeDataPlane.answerTTL,
      source:
        "custom domain of Lattice service '\(lattice.services[service].name)' in service network '\(lattice.serviceNetworks[network].name)'"
    )
  }
}
