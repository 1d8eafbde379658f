import ScenarioFormat

/// An Application or Network Load Balancer: one node per subnet (one subnet per Availability
/// Zone), a DNS name, listeners, and for ALBs (optionally NLBs) security groups.
///
/// An internet-facing load balancer's name resolves everywhere to its nodes' public addresses;
/// an internal one's to private addresses reachable only inside the VPC (Elastic Load Balancing
/// user guides, "Load balancer scheme"). ALB cross-zone load balancing is always on; an NLB
/// node sends only to targets in its own zone unless cross-zone is enabled.
public struct LoadBalancer: Sendable {
  /// Application (layer 7, HTTP/HTTPS) or Network (layer 4, TCP/TLS/UDP).
  public enum Kind: String, Sendable {
    case application, network
  }
  public var name: String
  public var arn: String
  /// The DNS name, lower-case: `<name>-<id>.<region>.elb.amazonaws.com` (ALB, with an
  /// `internal-` prefix when internal) or `<name>-<id>.elb.<region>.amazonaws.com` (NLB).
  public var dnsName: String
  public var kind: Kind
  public var isInternetFacing: Bool
  public var vpc: Int
  /// One subnet per Availability Zone; the load balancer has a node (an ENI) in each.
  public var subnets: [Int]
  /// Empty for an NLB created without security groups (all client traffic reaches its
  /// listeners; targets must then admit the clients' or the nodes' addresses).
  public var securityGroups: [Int]
  public var listeners: [Int]
  public var attributes: LoadBalancerAttributes
  public var source: SourceRef

  /// `ALB 'web'` / `NLB 'tcp-front'`, how messages name it.
  public var label: String { "\(kind == .application ? "ALB" : "NLB") '\(name)'" }
}
