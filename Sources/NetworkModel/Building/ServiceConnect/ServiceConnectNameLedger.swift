import ScenarioFormat

/// The Service Connect names each ECS service holds in each namespace while the model builder
/// replays the scenario's configurations in time order, so it can report the collisions ECS
/// rejects and give every alias name its loopback address.
///
/// ECS refuses a second use of a discovery name in a namespace ("SC service is already used")
/// and a second alias with the same name and port (ECS developer guide, "Service Connect":
/// endpoints and discovery names are unique per namespace). Addresses are handed out per
/// namespace in first-use order from 127.255.0.1, so a name keeps its address for the whole run.
struct ServiceConnectNameLedger {
  /// Who holds a name, and where it was configured.
  struct Claim {
    var service: Int
    var source: SourceRef
  }

  private var discoveryNames: [String: Claim] = [:]
  private var aliases: [String: Claim] = [:]
  private var addresses: [String: UInt32] = [:]
  private var assignedPerNamespace: [Int: UInt32] = [:]

  /// The first loopback address handed out, 127.255.0.1.
  static let firstAddress: UInt32 = 0x7FFF_0001

  /// Forgets the names `service` holds (it is about to run a new configuration).
  mutating func release(service: Int) {
    discoveryNames = discoveryNames.filter { $0.value.service != service }
    aliases = aliases.filter { $0.value.service != service }
  }

  /// The holder of a discovery name in a namespace, if any.
  func discoveryNameHolder(_ name: String, namespace: Int) -> Claim? {
    discoveryNames["\(namespace)|\(name)"]
  }

  /// The holder of an alias name and port in a namespace, if any.
  func aliasHolder(_ dnsName: String, port: Int, namespace: Int) -> Claim? {
    aliases["\(namespace)|\(dnsName)|\(port)"]
  }

  mutating func claimDiscoveryName(_ name: String, namespace: Int, _ claim: Claim) {
    discoveryNames["\(namespace)|\(name)"] = claim
  }

  mutating func claimAlias(_ dnsName: String, port: Int, namespace: Int, _ claim: Claim) {
    aliases["\(namespace)|\(dnsName)|\(port)"] = claim
  }

  /// The loopback address of an alias name in a namespace (the same for every port).
  mutating func address(of dnsName: String, namespace: Int) -> IPv4Address {
    let key = "\(namespace)|\(dnsName)"
    if let known = addresses[key] { return IPv4Address(known) }
    let offset = assignedPerNamespace[namespace, default: 0]
    assignedPerNamespace[namespace] = offset + 1
    // 127.255.0.1 … 127.255.255.254: skip the .0 and .255 of each /24 for readability.
    let value = ServiceConnectNameLedger.firstAddress + offset / 254 * 256 + offset % 254
    addresses[key] = value
    return IPv4Address(value)
  }
}
