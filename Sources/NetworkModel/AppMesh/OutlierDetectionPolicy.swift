import SimKernel

/// Outlier detection of a virtual node listener, enforced by every Envoy that sends to it
/// (AWS behaviour §1.5, Envoy `outlier_detection` with `consecutive_5xx`).
///
/// A host is ejected when it returns `maxServerErrors` consecutive 5xx (connection failures
/// count as 5xx); it stays out for `baseEjectionDuration` × the number of times it has been
/// ejected, and comes back at the first `interval` tick after that (ticks run from time zero).
/// At most `maxEjectionPercent` of the hosts are ejected, but one host may always be.
public struct OutlierDetectionPolicy: Sendable, Equatable {
  public var maxServerErrors: Int
  public var interval: SimDuration
  public var baseEjectionDuration: SimDuration
  public var maxEjectionPercent: Int

  public init(
    maxServerErrors: Int, interval: SimDuration, baseEjectionDuration: SimDuration,
    maxEjectionPercent: Int
  ) {
    self.maxServerErrors = maxServerErrors
    self.interval = interval
    self.baseEjectionDuration = baseEjectionDuration
    self.maxEjectionPercent = maxEjectionPercent
  }

  /// Whether one more host may be ejected when `ejected` of `hosts` already are.
  public func mayEject(alreadyEjected ejected: Int, hosts: Int) -> Bool {
    guard hosts > 0 else { return false }
    if ejected == 0 { return true }
    return ejected * 100 < maxEjectionPercent * hosts
  }

  /// When a host ejected at `ejectedAt` for the `times`-th time returns to the pool.
  public func returnTime(ejectedAt: SimTime, times: Int) -> SimTime {
    let earliest = ejectedAt + baseEjectionDuration * Int64(max(times, 1))
    let tick = interval.nanoseconds
    guard tick > 0 else { return earliest }
    let ticks = (earliest.nanoseconds + tick - 1) / tick
    return SimTime(nanoseconds: ticks * tick)
  }
}
