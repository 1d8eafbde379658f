import SimKernel

/// The parameters of Envoy's passive outlier detection by consecutive errors
/// (`outlier_detection` with `consecutive_5xx`): configured on an App Mesh virtual node listener
/// and enforced by every Envoy that sends to it (AWS behaviour §1.5), fixed for Service Connect's
/// proxy (§6 C8).
///
/// A host is ejected when it returns `maxServerErrors` consecutive 5xx (connection failures
/// count as 5xx); it stays out for `baseEjectionDuration` × the number of times it has been
/// ejected, and comes back at the first `interval` tick after that (ticks run from time zero;
/// a zero interval returns it at once). At most `maxEjectionPercent` of the hosts are ejected,
/// but one host may always be.
public struct OutlierDetectionPolicy: Sendable, Equatable {
  public var maxServerErrors: Int
  public var interval: SimDuration
  public var baseEjectionDuration: SimDuration
  public var maxEjectionPercent: Int
  /// Whether each further ejection of a host lasts longer (`baseEjectionDuration` × times
  /// ejected), as Envoy's do. Service Connect's model keeps every ejection at the base duration
  /// (a documented simplification, §6 C8).
  public var lengthensRepeatedEjections: Bool

  public init(
    maxServerErrors: Int, interval: SimDuration, baseEjectionDuration: SimDuration,
    maxEjectionPercent: Int, lengthensRepeatedEjections: Bool = true
  ) {
    self.maxServerErrors = maxServerErrors
    self.interval = interval
    self.baseEjectionDuration = baseEjectionDuration
    self.maxEjectionPercent = maxEjectionPercent
    self.lengthensRepeatedEjections = lengthensRepeatedEjections
  }

  /// Whether one more host may be ejected when `ejected` of `hosts` already are.
  public func mayEject(alreadyEjected ejected: Int, hosts: Int) -> Bool {
    guard hosts > 0 else { return false }
    if ejected == 0 { return true }
    return ejected * 100 < maxEjectionPercent * hosts
  }

  /// When a host ejected at `ejectedAt` for the `times`-th time returns to the pool.
  public func returnTime(ejectedAt: SimTime, times: Int) -> SimTime {
    let multiple = lengthensRepeatedEjections ? Int64(max(times, 1)) : 1
    let earliest = ejectedAt + baseEjectionDuration * multiple
    let tick = interval.nanoseconds
    guard tick > 0 else { return earliest }
    let ticks = (earliest.nanoseconds + tick - 1) / tick
    return SimTime(nanoseconds: ticks * tick)
  }
}
