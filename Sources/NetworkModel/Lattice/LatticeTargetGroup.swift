import ScenarioFormat
import SimKernel

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

/// One registered target.
public struct LatticeTarget: Sendable {
  /// What the target is.
  public enum Kind: Sendable, Equatable {
    /// A fixed IPv4 address (`IP` target groups).
    case address(IPv4Address)
    /// An instance, modelled by an `external` endpoint in the target group's VPC (index).
    case instance(Int)
    /// An internal ALB by ARN, name or DNS name, resolved when traffic flows.
    case loadBalancer(String)
  }
  public var kind: Kind
  public var port: Int
  public var source: SourceRef
}

/// A target group's health check, with Lattice's defaults applied (aws-behaviour §3.6):
/// on for HTTP1 target groups, off for HTTP2 and TCP ones and unsupported for ALB ones; path
/// `/`, interval 30 s, timeout 5 s, healthy threshold 5, unhealthy threshold 2, matcher 200.
/// A new target must pass one check before it receives traffic.
public struct LatticeHealthCheck: Sendable {
  public var enabled: Bool
  /// `HTTP`, `HTTPS` or `TCP` (a TCP check only opens a connection).
  public var checkProtocol: String
  /// nil = the target's traffic port.
  public var port: Int?
  public var path: String
  public var interval: SimDuration
  public var timeout: SimDuration
  public var healthyThreshold: Int
  public var unhealthyThreshold: Int
  /// Status codes that count as healthy.
  public var matcher: [ClosedRange<Int>]

  public init(
    enabled: Bool, checkProtocol: String = "HTTP", port: Int? = nil, path: String = "/",
    interval: SimDuration = .seconds(30), timeout: SimDuration = .seconds(5),
    healthyThreshold: Int = 5,
    unhealthyThreshold: Int = 2, matcher: [ClosedRange<Int>] = [200...200]
  ) {
    self.enabled = enabled
    self.checkProtocol = checkProtocol
    self.port = port
    self.path = path
    self.interval = interval
    self.timeout = timeout
    self.healthyThreshold = healthyThreshold
    self.unhealthyThreshold = unhealthyThreshold
    self.matcher = matcher
  }

  /// Whether a status code counts as a passing check.
  public func accepts(status: Int) -> Bool { matcher.contains { $0.contains(status) } }

  /// How `explain` and the timeline describe the matcher: `200`, `200-299,302`.
  public var matcherText: String {
    matcher.map {
      $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
    }
    .joined(separator: ",")
  }
}
