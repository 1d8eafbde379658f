import SimKernel

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
  public var matcher: StatusCodeMatcher

  public init(
    enabled: Bool, checkProtocol: String = "HTTP", port: Int? = nil, path: String = "/",
    interval: SimDuration = .seconds(30), timeout: SimDuration = .seconds(5),
    healthyThreshold: Int = 5,
    unhealthyThreshold: Int = 2, matcher: StatusCodeMatcher = StatusCodeMatcher(ranges: [200...200])
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
}
