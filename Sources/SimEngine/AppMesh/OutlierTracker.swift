import NetworkModel
import SimKernel

/// One Envoy's outlier-detection state for one cluster (a virtual node listener): consecutive
/// 5xx per host and ejections (AWS behaviour §1.5; Envoy `consecutive_5xx`).
///
/// Outlier detection is configured on the server's listener but enforced by each client Envoy
/// on its own, so every sidecar and gateway keeps its own tracker.
struct OutlierTracker {
  struct Host {
    var consecutiveErrors = 0
    var ejectedUntil: SimTime?
    var timesEjected = 0
  }
  var hosts: [UInt32: Host] = [:]

  /// Whether `address` is ejected at `now`.
  func isEjected(_ address: UInt32, at now: SimTime) -> Bool {
    guard let until = hosts[address]?.ejectedUntil else { return false }
    return until > now
  }

  /// How many of `addresses` are ejected at `now`.
  func ejectedCount(among addresses: [UInt32], at now: SimTime) -> Int {
    addresses.filter { isEjected($0, at: now) }.count
  }

  /// Records an attempt's outcome; returns when the host returns if this ejected it.
  mutating func record(
    _ address: UInt32, serverError: Bool, policy: OutlierDetectionPolicy, hosts pool: [UInt32],
    at now: SimTime
  ) -> SimTime? {
    var host = hosts[address] ?? Host()
    guard serverError else {
      host.consecutiveErrors = 0
      hosts[address] = host
      return nil
    }
    host.consecutiveErrors += 1
    hosts[address] = host
    guard host.consecutiveErrors >= policy.maxServerErrors, !isEjected(address, at: now),
      policy.mayEject(alreadyEjected: ejectedCount(among: pool, at: now), hosts: pool.count)
    else { return nil }
    host.timesEjected += 1
    host.consecutiveErrors = 0
    let until = policy.returnTime(ejectedAt: now, times: host.timesEjected)
    host.ejectedUntil = until
    hosts[address] = host
    return until
  }
}
