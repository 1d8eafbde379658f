import SimKernel

/// Passive outlier detection by consecutive errors, the way Envoy's `consecutive_5xx` detector
/// works: a host that fails `consecutiveErrors` times in a row (5xx answers, refused or
/// timed-out connections) is ejected from load balancing for `ejectionDuration`, unless the
/// ejected hosts already make up `maxEjectionPercent` of the cluster (as in Envoy, the check is
/// made before ejecting, and one host may always be ejected). A success resets the count.
///
/// Simplifications: the ejection time is not multiplied by the number of earlier ejections,
/// and a host returns exactly when its ejection ends rather than at the next detection interval.
/// Service Connect publishes no parameters; its defaults here are Envoy's (aws-behaviour §6 C8).
public struct OutlierDetector: Sendable {
  public struct Settings: Sendable, Equatable {
    public var consecutiveErrors: Int
    public var ejectionDuration: SimDuration
    public var maxEjectionPercent: Int

    public init(
      consecutiveErrors: Int = 5, ejectionDuration: SimDuration = .seconds(30),
      maxEjectionPercent: Int = 10
    ) {
      self.consecutiveErrors = consecutiveErrors
      self.ejectionDuration = ejectionDuration
      self.maxEjectionPercent = maxEjectionPercent
    }
  }

  struct HostState: Sendable {
    var consecutiveErrors = 0
    var ejectedUntil: SimTime?
  }

  public let settings: Settings
  private var hosts: [UInt64: HostState] = [:]

  public init(settings: Settings = Settings()) {
    self.settings = settings
  }

  /// Whether the host with `key` is ejected at `now`.
  public func isEjected(_ key: UInt64, at now: SimTime) -> Bool {
    guard let until = hosts[key]?.ejectedUntil else { return false }
    return until > now
  }

  /// When the host's current ejection ends, if it is ejected.
  public func ejectionEnd(_ key: UInt64, at now: SimTime) -> SimTime? {
    guard let until = hosts[key]?.ejectedUntil, until > now else { return nil }
    return until
  }

  /// How many hosts are ejected at `now`.
  public func ejectedCount(at now: SimTime) -> Int {
    hosts.values.reduce(0) { $0 + (($1.ejectedUntil.map { $0 > now } ?? false) ? 1 : 0) }
  }

  /// Records one answer from a host; returns true when this answer ejected it.
  ///
  /// - Parameter hostCount: how many hosts the cluster has now (for the ejection limit).
  @discardableResult
  public mutating func record(_ key: UInt64, failed: Bool, at now: SimTime, hostCount: Int) -> Bool
  {
    var state = hosts[key] ?? HostState()
    defer { hosts[key] = state }
    guard failed else {
      state.consecutiveErrors = 0
      return false
    }
    state.consecutiveErrors += 1
    guard state.consecutiveErrors >= settings.consecutiveErrors, !isEjected(key, at: now) else {
      return false
    }
    let ejected = ejectedCount(at: now)
    guard ejected == 0 || ejected * 100 < settings.maxEjectionPercent * hostCount else {
      return false
    }
    state.consecutiveErrors = 0
    state.ejectedUntil = now + settings.ejectionDuration
    return true
  }
}
