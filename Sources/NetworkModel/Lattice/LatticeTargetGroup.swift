import ScenarioFormat

/// A Lattice target group: where forward actions send requests, with its health check.
///
/// Requests go only to healthy targets; Lattice documents no fail-open, so when every target is
/// unhealthy requests get 503 (aws-behaviour §3.6, gap C13). Targets see Lattice's link-local
/// source address, so their security groups must admit the Lattice prefix list.
public struct LatticeTargetGroup: Sendable {
  /// `IP` (addresses, ECS tasks), `INSTANCE` (EC2 instances) or `ALB` (an internal ALB).
  public enum TargetType: String, CaseIterable, Sendable {
    case ip = "IP"
    case instance = "INSTANCE"
    case alb = "ALB"
    case lambda = "LAMBDA"
  }
  /// How Lattice talks to the targets.
  public enum TargetProtocol: String, CaseIterable, Sendable {
    case http = "HTTP"
    case https = "HTTPS"
    case tcp = "TCP"
  }
  public var name: String
  public var id: String
  public var arn: String
  public var type: TargetType
  public var targetProtocol: TargetProtocol
  /// `HTTP1`, `HTTP2` or `GRPC` (descriptive: Lattice converts between versions).
  public var protocolVersion: String
  public var port: Int
  public var vpc: Int
  public var healthCheck: LatticeHealthCheck
  /// Targets registered from the start (ECS tasks register while they run).
  public var targets: [LatticeTarget]
  public var source: SourceRef
}
