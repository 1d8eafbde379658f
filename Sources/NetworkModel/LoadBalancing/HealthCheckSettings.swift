import ScenarioFormat
import SimKernel

/// How a load balancer checks its targets' health, with AWS's defaults applied.
///
/// Defaults (Elastic Load Balancing user guides, "Health checks for your target groups"): ALB —
/// HTTP GET `/` on the traffic port every 30 s, timeout 5 s, 5 successes to become healthy, 2
/// failures to become unhealthy, success codes `200`; NLB — TCP every 30 s with a 10 s timeout
/// (6 s for HTTP checks), thresholds 5 and 2, HTTP(S) checks expecting `200-399`. A new target
/// must pass one check before it receives traffic.
public struct HealthCheckSettings: Sendable, Equatable {
  /// Which port the checks go to.
  public enum Port: Sendable, Equatable, CustomStringConvertible {
    /// Each target's own traffic port (for ECS targets, the container port).
    case trafficPort
    case fixed(Int)

    public var description: String {
      switch self {
      case .trafficPort: "traffic-port"
      case .fixed(let port): String(port)
      }
    }
  }
  public var enabled: Bool
  public var `protocol`: HealthCheckSpec.HealthCheckProtocol
  public var port: Port
  /// The HTTP(S) request path; nil for TCP checks.
  public var path: String?
  public var interval: SimDuration
  public var timeout: SimDuration
  public var healthyThreshold: Int
  public var unhealthyThreshold: Int
  /// Success codes of HTTP(S) checks (gRPC codes for gRPC target groups).
  public var matcher: StatusCodeMatcher

  public init(
    enabled: Bool = true, protocol: HealthCheckSpec.HealthCheckProtocol, port: Port = .trafficPort,
    path: String?, interval: SimDuration, timeout: SimDuration, healthyThreshold: Int,
    unhealthyThreshold: Int, matcher: StatusCodeMatcher
  ) {
    self.enabled = enabled
    self.protocol = `protocol`
    self.port = port
    self.path = path
    self.interval = interval
    self.timeout = timeout
    self.healthyThreshold = healthyThreshold
    self.unhealthyThreshold = unhealthyThreshold
    self.matcher = matcher
  }

  /// The port checks go to for a target registered on `targetPort`.
  public func port(forTargetPort targetPort: Int) -> Int {
    if case .fixed(let port) = port { return port }
    return targetPort
  }

  /// AWS's defaults for a target group of `protocol` (and `version`), checked with
  /// `checkProtocol` (nil = the default for the group's load balancer kind).
  public static func defaults(
    for protocol: ELBProtocol, version: TargetGroupSpec.ProtocolVersion,
    checkProtocol: HealthCheckSpec.HealthCheckProtocol?
  ) -> HealthCheckSettings {
    if `protocol`.isApplication {
      let isGRPC = version == .grpc
      return HealthCheckSettings(
        protocol: checkProtocol ?? .http, path: isGRPC ? "/AWS.ALB/healthcheck" : "/",
        interval: .seconds(30), timeout: .seconds(5), healthyThreshold: 5, unhealthyThreshold: 2,
        matcher: isGRPC
          ? StatusCodeMatcher(ranges: [12...12]) : StatusCodeMatcher(ranges: [200...200]))
    }
    let check = checkProtocol ?? .tcp
    return HealthCheckSettings(
      protocol: check, path: check == .tcp ? nil : "/", interval: .seconds(30),
      timeout: .seconds(check == .http ? 6 : 10), healthyThreshold: 5, unhealthyThreshold: 2,
      matcher: StatusCodeMatcher(ranges: [200...399]))
  }
}
