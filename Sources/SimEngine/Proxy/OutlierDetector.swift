import NetworkModel
import SimKernel

/// One proxy's outlier-detection state for one upstream cluster: consecutive errors and
/// ejections per host, moved by an ``OutlierDetectionPolicy`` (Envoy `consecutive_5xx`).
///
/// Each client proxy detects on its own — App Mesh configures the policy on the server's
/// listener but every client Envoy and gateway enforces it separately (AWS behaviour §1.5);
/// Service Connect's proxies use fixed parameters (§6 C8). Hosts are keyed by
/// ``UpstreamHost/key`` (address and port). A success resets a host's count; the ejection limit
/// counts the ejected hosts among those the cluster has now.
public struct OutlierDetector: Sendable {
  struct HostState: Sendable {
    var consecutiveErrors = 0
    var ejectedUntil: SimTime?
    var timesEjected = 0
  }

  private var hosts: [UInt64: HostState] = [:]

  public init() {}

  /// The end of the latest ejection ever made (nil: none yet).
  private var latestEjectionEnd: SimTime?

  /// Whether some host may be ejected at `now` (false: none is, and no host needs looking up).
  public func mayEject(at now: SimTime) -> Bool {
    guard let end = latestEjectionEnd else { return false }
    return end > now
  }

  /// Whether the host with `key` is ejected at `now`.
  public func isEjected(_ key: UInt64, at now: SimTime) -> Bool {
    ejectionEnd(key, at: now) != nil
  }

  /// When the host's current ejection ends, if it is ejected at `now`.
  public func ejectionEnd(_ key: UInt64, at now: SimTime) -> SimTime? {
    // Most clusters never eject anyone: no host state, no hashing.
    guard !hosts.isEmpty, let until = hosts[key]?.ejectedUntil, until > now else { return nil }
    return until
  }

  /// How many of the hosts with `keys` are ejected at `now`.
  public func ejectedCount(among keys: [UInt64], at now: SimTime) -> Int {
    keys.count(where: { isEjected($0, at: now) })
  }

  /// Records one attempt's outcome with the host `key`; returns when the host comes back if this
  /// outcome ejected it.
  ///
  /// - Parameters:
  ///   - failed: a 5xx answer or a connection that failed or timed out.
  ///   - cluster: the keys of every host the cluster has now (for the ejection limit).
  @discardableResult
  public mutating func record(
    _ key: UInt64, failed: Bool, at now: SimTime, cluster: [UInt64],
    policy: OutlierDetectionPolicy
  ) -> SimTime? {
    var host = hosts[key] ?? HostState()
    defer { hosts[key] = host }
    guard failed else {
      host.consecutiveErrors = 0
      return nil
    }
    host.consecutiveErrors += 1
    guard host.consecutiveErrors >= policy.maxServerErrors, !isEjected(key, at: now),
      policy.mayEject(alreadyEjected: ejectedCount(among: cluster, at: now), hosts: cluster.count)
    else { return nil }
    host.timesEjected += 1
    host.consecutiveErrors = 0
    let until = policy.returnTime(ejectedAt: now, times: host.timesEjected)
    host.ejectedUntil = until
    latestEjectionEnd = max(latestEjectionEnd ?? until, until)
    return until
  }
}
