import ScenarioFormat

/// A VPC security group: stateful, allow-only rules on an ENI. Several groups on one ENI are
/// unioned; replies to allowed traffic always pass (VPC user guide, "Security group rules").
public struct SecurityGroup: Sendable {
  public var id: String
  public var name: String
  public var vpc: Int?
  public var ingress: [SecurityGroupRule]
  public var egress: [SecurityGroupRule]
  public var source: SourceRef
  /// How diagnostics and `explain` name the group: `sg-0abc (web-sg)`.
  public var label: String { name == id ? id : "\(id) (\(name))" }
}

/// One rule of a security group: a protocol and port range and the peers it admits.
public struct SecurityGroupRule: Sendable {
  public enum Peer: Sendable, Hashable {
    case cidr(CIDRBlock)
    case group(Int)
    case prefixList(Int)
  }
  /// IP protocol number (6 TCP, 17 UDP, 1 ICMP); nil means all protocols (`-1`).
  public var ipProtocol: Int?
  public var ports: ClosedRange<Int>
  public var peers: [Peer]
  public var source: SourceRef

  public init(ipProtocol: Int?, ports: ClosedRange<Int>, peers: [Peer], source: SourceRef) {
    self.ipProtocol = ipProtocol
    self.ports = ports
    self.peers = peers
    self.source = source
  }

  /// Whether the rule covers TCP traffic to `port`.
  @inline(__always)
  public func coversTCP(port: Int) -> Bool {
    (ipProtocol == nil || ipProtocol == 6) && ports.contains(port)
  }
}

/// A managed prefix list, such as `com.amazonaws.<region>.vpc-lattice`.
public struct PrefixList: Sendable {
  public var id: String
  public var name: String
  public var cidrs: [CIDRBlock]
}
