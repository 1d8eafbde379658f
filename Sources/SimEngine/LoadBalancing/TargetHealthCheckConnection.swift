import SimKernel

/// How the connection of an Elastic Load Balancing health check went: the listener it reached
/// and the round trip, or the failed check.
enum TargetHealthCheckConnection {
  case connected(listener: Int32, roundTrip: SimDuration)
  case failed(TargetHealthCheckResult)
}
