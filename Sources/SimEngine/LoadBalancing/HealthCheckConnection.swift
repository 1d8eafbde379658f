import SimKernel

/// How the connection of a health check went.
enum HealthCheckConnection {
  case connected(listener: Int32, roundTrip: SimDuration)
  case failed(HealthCheckResult)
}
