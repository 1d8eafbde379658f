import ScenarioFormat

/// One rule of a security group: a protocol and port range and the peers it admits.
public struct SecurityGroupRule: Sendable {
  /// Who a rule admits: a CIDR block, the members of a security group (index) or a managed
  /// prefix list (index).
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
