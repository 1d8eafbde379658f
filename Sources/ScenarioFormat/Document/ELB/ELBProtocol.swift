/// A listener or target-group protocol as ELBv2 spells it (`Protocol` of `CreateListener` and
/// `CreateTargetGroup`).
///
/// HTTP and HTTPS belong to Application Load Balancers; TCP, TLS, UDP and TCP_UDP to Network
/// Load Balancers; GENEVE to Gateway Load Balancers, which MeshSim does not model.
public enum ELBProtocol: String, CaseIterable, Sendable {
  case http = "HTTP"
  case https = "HTTPS"
  case tcp = "TCP"
  case tls = "TLS"
  case udp = "UDP"
  case tcpUDP = "TCP_UDP"
  case geneve = "GENEVE"

  /// Whether an Application Load Balancer uses this protocol (HTTP, HTTPS).
  public var isApplication: Bool { self == .http || self == .https }

  /// Whether a Network Load Balancer uses this protocol (TCP, TLS, UDP, TCP_UDP).
  public var isNetwork: Bool { self == .tcp || self == .tls || self == .udp || self == .tcpUDP }
}
