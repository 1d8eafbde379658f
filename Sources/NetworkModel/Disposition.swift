/// Where a request ended: the closed, documented set of outcome codes (Batfish's flow
/// dispositions, for service networking). The README lists the same table.
///
/// A disposition names the root cause; the HTTP status the client saw is reported next to it
/// (for example `connectionRefused` with status 502 when an ALB target refused the connection).
public enum Disposition: String, CaseIterable, Sendable, Comparable {
  /// A task or external endpoint answered (any status code it chose).
  case delivered
  /// A load balancer or Lattice rule answered with its own fixed response.
  case fixedResponse
  /// An ALB redirect action answered with 301/302.
  case redirected
  /// The host name did not resolve (NXDOMAIN, or not in the task's hosts file).
  case dnsNameNotFound
  /// No network path to the address (a private address from the internet, another VPC, a VPC not
  /// associated with the Lattice service network); the client times out.
  case noRouteToHost
  /// The address belongs to no running ENI (a stopped task still in a cached DNS answer); the
  /// client times out.
  case hostUnreachable
  /// The source's security groups do not allow the traffic out; dropped, the client times out.
  case deniedBySecurityGroupEgress
  /// The destination's security groups do not allow the traffic in; dropped, the client times out.
  case deniedBySecurityGroupIngress
  /// The App Mesh egress filter refused an undeclared destination (404 on an HTTP port, a
  /// closed connection otherwise).
  case deniedByMeshEgressFilter
  /// Nothing listens on the port: the connection was reset.
  case connectionRefused
  /// A proxy closed the connection (Envoy: no filter chain for the port).
  case connectionClosed
  /// A proxy found no route for the request (Envoy 404 `NR`).
  case noMatchingRoute
  /// An App Mesh virtual service has no provider, or names no known virtual service (503).
  case noProvider
  /// No healthy target or endpoint to send to (503).
  case noHealthyTarget
  /// The target group has no registered targets (ALB 503).
  case noRegisteredTarget
  /// A connection-pool or circuit-breaker limit was exceeded (503 overflow).
  case overflow
  /// TLS negotiation failed (untrusted certificate, SAN mismatch, plaintext to STRICT) (503).
  case tlsHandshakeFailed
  /// VPC Lattice auth policy denied the request (403).
  case authDenied
  /// The answer did not come in time (504 from a proxy or load balancer, or the client's own
  /// timeout).
  case timedOut
  /// The request crossed more hops than the limit (a forwarding loop).
  case hopLimitExceeded
  /// The run ended (time or event limit) before the request completed.
  case notCompleted

  /// Whether the request was answered as configured (success) rather than lost or refused.
  public var isSuccess: Bool { self == .delivered || self == .fixedResponse || self == .redirected }

  /// The one-line meaning printed by `--help` and the README.
  public var meaning: String {
    switch self {
    case .delivered: "a task or external endpoint answered"
    case .fixedResponse: "a load balancer or Lattice rule answered with a fixed response"
    case .redirected: "an ALB redirect action answered"
    case .dnsNameNotFound: "the host name did not resolve (NXDOMAIN or not in the hosts file)"
    case .noRouteToHost: "no network path to the address; the client timed out"
    case .hostUnreachable:
      "the address belongs to no running ENI (stale DNS answer); the client timed out"
    case .deniedBySecurityGroupEgress:
      "the source's security groups dropped the packet; the client timed out"
    case .deniedBySecurityGroupIngress:
      "the destination's security groups dropped the packet; the client timed out"
    case .deniedByMeshEgressFilter: "the App Mesh egress filter refused the destination"
    case .connectionRefused: "nothing listens on the port (connection reset)"
    case .connectionClosed: "a proxy closed the connection (no filter chain for the port)"
    case .noMatchingRoute: "a proxy found no route for the request (404)"
    case .noProvider: "the virtual service has no provider (503)"
    case .noHealthyTarget: "no healthy target or endpoint (503)"
    case .noRegisteredTarget: "the target group has no registered targets (503)"
    case .overflow: "a connection-pool limit was exceeded (503)"
    case .tlsHandshakeFailed: "TLS negotiation failed (503)"
    case .authDenied: "the VPC Lattice auth policy denied the request (403)"
    case .timedOut: "the answer did not come in time (504 or client timeout)"
    case .hopLimitExceeded: "the request crossed more hops than the limit"
    case .notCompleted: "the run ended before the request completed"
    }
  }

  public static func < (a: Disposition, b: Disposition) -> Bool { a.rawValue < b.rawValue }
}
