import NetworkModel
import RouteMatching
import SimKernel

/// VPC Lattice's data plane in the simulated world: the link-local addresses services answer on,
/// the public DNS names that resolve to them, which VPCs may connect (through their service
/// network association and its security groups), and the live configuration events change.
///
/// Each service resolves to its own address in 169.254.171.0/24. Connections count only from a
/// VPC associated with a service network that contains the service; from anywhere else the
/// packets go nowhere and the client times out (aws-behaviour §3.2, §7 item 32). Targets see
/// Lattice's own link-local address in their VPC as the source (§3.3).
public final class LatticeDataPlane {
  let model: NetworkModel
  /// The configuration as it is now (call events change rules, auth and associations).
  public internal(set) var lattice: LatticeModel
  /// Each listener's rules and default action, compiled, in evaluation order.
  var routeTables: [RouteTable<LatticeRuleAction>]
  public internal(set) var vpcAssociationActive: [Bool]
  public internal(set) var serviceAssociationActive: [Bool]
  /// Indices of each service's service-network associations (the list of associations is fixed;
  /// events only switch them on and off).
  let serviceAssociationsOfService: [[Int]]
  /// Link-local address of each service.
  public let serviceAddresses: [UInt32]
  var serviceByAddress: [UInt32: Int] = [:]
  var serviceByName: [String: Int] = [:]
  var servicesByCustomDomain: [String: [Int]] = [:]
  var serviceActors: [LatticeServiceActor] = []
  /// Lattice's interface in each VPC and zone (`"<vpc>/<zone>"`), the source address targets see.
  var sourceInterfaces: [String: Int32] = [:]
  /// `sourceInterfaces` by VPC and target interface (`vpc << 32 | interface + 1`, 0 for an
  /// address without an interface), so a request does not build the string key.
  var sourceInterfacesByTarget: [Int: Int32] = [:]
  /// One unregistered interface per VPC association, holding the association's security groups.
  var associationEndpoints: [NetworkInterface] = []
  /// Parsed caller identities by principal text (lookups only).
  var callers: [String: LatticeCaller] = [:]
  var targets: LatticeTargetRegistry!
  var healthChecker: LatticeHealthChecker!
  /// Resolves an `ALB` target given by ARN or name to the load balancer's addresses; set by the
  /// load-balancer section when it is wired. Targets given by DNS name resolve through DNS.
  public var loadBalancerAddresses: ((String, World) -> [UInt32])?

  /// First address of Lattice's own (source) interfaces in the link-local range.
  static let sourceAddressBase = IPv4Address("169.254.171.201")!.value
  static let serviceAddressBase = IPv4Address("169.254.171.1")!.value
  static let linkLocalRange = CIDRBlock("169.254.171.0/24")!

  init(model: NetworkModel) {
    self.model = model
    self.lattice = model.lattice
    self.routeTables = model.lattice.listeners.map(\.routeTable)
    self.vpcAssociationActive = model.lattice.vpcAssociations.map(\.activeAtStart)
    self.serviceAssociationActive = model.lattice.serviceAssociations.map(\.activeAtStart)
    var associationsOfService = Array(repeating: [Int](), count: model.lattice.services.count)
    for (index, association) in model.lattice.serviceAssociations.enumerated() {
      associationsOfService[association.service].append(index)
    }
    self.serviceAssociationsOfService = associationsOfService
    self.serviceAddresses = model.lattice.services.indices.map {
      LatticeDataPlane.serviceAddressBase + UInt32($0 % LatticeModel.maximumServices)
    }
    for (index, service) in model.lattice.services.enumerated() {
      if serviceByAddress[serviceAddresses[index]] == nil {
        serviceByAddress[serviceAddresses[index]] = index
      }
      serviceByName[service.dnsName] = index
      if let domain = service.customDomainName {
        servicesByCustomDomain[domain, default: []].append(index)
      }
    }
  }

  /// The active association of a VPC, if any.
  func association(ofVPC vpc: Int) -> Int? {
    lattice.vpcAssociations.indices.first {
      vpcAssociationActive[$0] && lattice.vpcAssociations[$0].vpc == vpc
    }
  }

  /// Whether `service` is (actively) associated with `network`.
  func isAssociated(service: Int, network: Int) -> Bool {
    serviceAssociationsOfService[service].contains {
      serviceAssociationActive[$0] && lattice.serviceAssociations[$0].serviceNetwork == network
    }
  }

  /// Lattice's interface in `vpc` (in the target's zone, so no cross-zone hop is charged),
  /// created on first use: an address in 169.254.171.0/24 with no security groups, which is what
  /// targets' security groups see.
  func sourceInterface(vpc: Int, zone: String?, in world: World) -> Int32 {
    let key = "\(vpc)/\(zone ?? "")"
    if let existing = sourceInterfaces[key] { return existing }
    let address = LatticeDataPlane.sourceAddressBase + UInt32(vpc % 54)
    let index = Int32(world.interfaces.count)
    let interface = NetworkInterface(
      index: index, address: address, publicAddress: nil, subnet: nil, vpc: vpc, zone: zone,
      securityGroups: [],
      owner: healthChecker.id,
      label: "\(IPv4Address(address)) (VPC Lattice in \(model.vpcs[vpc].name))", network: world.network)
    world.interfaces.append(interface)
    sourceInterfaces[key] = index
    return index
  }

  /// `sourceInterface(vpc:zone:in:)` for a target on interface `target` (nil: no zone), memoised
  /// by VPC and interface (an interface's zone never changes).
  func sourceInterface(vpc: Int, toward target: Int32?, in world: World) -> Int32 {
    let key = vpc << 32 | Int(target.map { $0 + 1 } ?? 0)
    if let known = sourceInterfacesByTarget[key] { return known }
    let source = sourceInterface(
      vpc: vpc, zone: target.flatMap { world.interfaces[Int($0)].zone }, in: world)
    sourceInterfacesByTarget[key] = source
    return source
  }

  /// Recompiles a listener's route table after its rules or default action changed.
  func recompile(listener: Int) {
    lattice.listeners[listener].rules.sort { $0.priority < $1.priority }
    routeTables[listener] = lattice.listeners[listener].routeTable
  }
}
