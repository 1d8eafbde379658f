import SimKernel

/// The outcome of one health check and when it is known.
struct HealthCheckResult {
  var passed: Bool
  var delay: SimDuration
  /// Why it failed (`Target.Timeout: …`); empty when it passed.
  var reason: String

  static func passed(after delay: SimDuration) -> HealthCheckResult {
    HealthCheckResult(passed: true, delay: delay, reason: "")
  }

  static func failed(after delay: SimDuration, _ reason: String) -> HealthCheckResult {
    HealthCheckResult(passed: false, delay: delay, reason: reason)
  }
}
