import SimKernel

/// The load balancer attributes that change where or how traffic flows
/// (`ModifyLoadBalancerAttributes` keys), with AWS's defaults.
public struct LoadBalancerAttributes: Sendable {
  /// `routing.http.xff_header_processing.mode`: what an ALB does with `X-Forwarded-For`.
  public enum ForwardedForMode: String, CaseIterable, Sendable {
    /// Append the client address (the default).
    case append
    /// Pass the header through unchanged.
    case preserve
    /// Remove the header.
    case remove
  }
  /// `idle_timeout.timeout_seconds` (ALB, default 60 s, 1–4000): a target silent for longer
  /// gets the client a 504.
  public var idleTimeout: SimDuration = .seconds(60)
  /// `load_balancing.cross_zone.enabled`: always on for ALBs, off by default for NLBs.
  public var crossZoneEnabled: Bool
  public var forwardedForMode: ForwardedForMode = .append

  /// AWS's defaults for a new load balancer of `kind`.
  public init(kind: LoadBalancer.Kind) {
    crossZoneEnabled = kind == .application
  }
}
