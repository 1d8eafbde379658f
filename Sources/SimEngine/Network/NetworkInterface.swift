import NetworkModel
import SimKernel

/// An elastic network interface: an address in a subnet (or on the internet), its security
/// groups, the ports actors listen on, and the client-side resolver state of whoever uses it.
public final class NetworkInterface {
  public let index: Int32
  public let address: UInt32
  public var publicAddress: UInt32? { didSet { network.bump() } }
  /// nil for hosts on the internet.
  public let subnet: Int?
  public let vpc: Int?
  public let zone: String?
  public var securityGroups: [Int] { didSet { network.bump() } }
  /// The actor that owns the interface (task, client, load balancer node, endpoint).
  public let owner: Int32
  /// Port → listening actor.
  public var listeners: [Int: Int32] = [:] { didSet { network.bump() } }
  /// Listeners on loopback addresses inside the task (Service Connect's 127.255.0.x).
  public var loopbackListeners: [UInt64: Int32] = [:] { didSet { network.bump() } }
  /// Loopback listeners shared by many ENIs, all answered by `sharedLoopbackActor`: Service
  /// Connect gives every task of a namespace the same alias addresses, so one set serves all
  /// of them (copy-on-write) instead of a dictionary per task. Looked up after
  /// `loopbackListeners`.
  public var sharedLoopbackKeys: Set<UInt64> = [] { didSet { network.bump() } }
  public var sharedLoopbackActor: Int32 = -1 { didSet { network.bump() } }
  /// `/etc/hosts` entries (Service Connect writes its names here).
  public var hostsFile: [String: UInt32] = [:]
  /// The App Mesh Envoy that iptables sends outbound TCP to, with the proxy configuration.
  public var egressProxy: (actor: Int32, configuration: ProxyConfiguration)?
  public var dnsCache = DNSCache()
  public var isUp = true { didSet { network.bump() } }
  /// Label for traces: `10.0.1.4 (backend/1)`.
  public var label: String
  /// The world's network version, bumped when this ENI changes in a way connections notice.
  let network: NetworkVersion

  init(index: Int32, address: UInt32, publicAddress: UInt32?, subnet: Int?, vpc: Int?, zone: String?,
       securityGroups: [Int], owner: Int32, label: String, network: NetworkVersion) {
    self.network = network
    self.index = index
    self.address = address
    self.publicAddress = publicAddress
    self.subnet = subnet
    self.vpc = vpc
    self.zone = zone
    self.securityGroups = securityGroups
    self.owner = owner
    self.label = label
  }

  public var onInternet: Bool { vpc == nil }

  static func loopbackKey(_ address: UInt32, _ port: Int) -> UInt64 { UInt64(address) << 32 | UInt64(port) }

  /// The actor listening on loopback `address:port` inside the task, if any.
  public func loopbackListener(_ address: UInt32, _ port: Int) -> Int32? {
    let key = NetworkInterface.loopbackKey(address, port)
    if let actor = loopbackListeners[key] { return actor }
    return sharedLoopbackKeys.contains(key) ? sharedLoopbackActor : nil
  }
}
