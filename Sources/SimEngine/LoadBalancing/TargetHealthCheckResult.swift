import SimKernel

/// The outcome of one Elastic Load Balancing health check of a target and when the load
/// balancer learns it; a failure carries its `DescribeTargetHealth` reason code.
struct TargetHealthCheckResult {
  var passed: Bool
  var delay: SimDuration
  /// Why it failed (`Target.Timeout: …`); empty when it passed.
  var reason: String

  static func passed(after delay: SimDuration) -> TargetHealthCheckResult {
    TargetHealthCheckResult(passed: true, delay: delay, reason: "")
  }

  static func failed(after delay: SimDuration, _ reason: String) -> TargetHealthCheckResult {
    TargetHealthCheckResult(passed: false, delay: delay, reason: reason)
  }
}
