/// A target's health as consecutive active health checks move it, by the rule Elastic Load
/// Balancing, VPC Lattice and Envoy (App Mesh) share: a new target becomes healthy at its first
/// passed check; a healthy one becomes unhealthy after `unhealthyThreshold` failed checks in a
/// row, an unhealthy one healthy again after `healthyThreshold` passed checks in a row
/// (aws-behaviour §1.5, §3.6, §5.2).
///
/// The services differ only for a new target that fails (``StartupRule``). Callers map the
/// state to their own vocabulary (`initial`/`healthy`/`unhealthy` for ELB, `INITIAL`/… for
/// Lattice) and write their own timeline.
public struct HealthCheckStreak: Sendable, Equatable {
  /// Where the checks have moved the target.
  public enum State: Sendable, Equatable {
    /// Registered, not yet judged.
    case initial
    case healthy
    case unhealthy
  }

  /// How a target that has not been judged yet leaves `initial`.
  public enum StartupRule: Sendable {
    /// Elastic Load Balancing and VPC Lattice: healthy at its first passed check, unhealthy only
    /// after `unhealthyThreshold` failed checks in a row.
    case firstPass
    /// Envoy: only a host's very first check counts as startup — a pass makes it healthy, a
    /// failure unhealthy (it then needs `healthyThreshold` passes).
    case firstCheck
  }

  public private(set) var state: State
  /// Passed checks in a row (0 after a failure).
  public private(set) var passes = 0
  /// Failed checks in a row (0 after a pass).
  public private(set) var failures = 0

  public init(_ state: State = .initial) {
    self.state = state
  }

  /// Records one check result; returns true when it changed the state.
  @discardableResult
  public mutating func record(
    passed: Bool, healthyThreshold: Int, unhealthyThreshold: Int, startup: StartupRule = .firstPass
  ) -> Bool {
    if passed {
      passes += 1
      failures = 0
    } else {
      failures += 1
      passes = 0
    }
    let before = state
    switch state {
    case .initial:
      if passed {
        state = .healthy
      } else if startup == .firstCheck || failures >= unhealthyThreshold {
        state = .unhealthy
      }
    case .healthy:
      if !passed && failures >= unhealthyThreshold { state = .unhealthy }
    case .unhealthy:
      if passed && passes >= healthyThreshold { state = .healthy }
    }
    return state != before
  }
}
