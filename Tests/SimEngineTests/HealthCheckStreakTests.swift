import SimEngine
import Testing

/// The consecutive-check rule shared by ELB, Lattice and App Mesh health checks (aws-behaviour
/// §1.5, §3.6, §5.2), with healthy threshold 3 and unhealthy threshold 2.
@Suite struct HealthCheckStreakTests {
  struct Case: Sendable, CustomStringConvertible {
    var startup: HealthCheckStreak.StartupRule
    /// Check results, `P` pass and `F` fail.
    var results: String
    var states: [HealthCheckStreak.State]
    var description: String { "\(startup) \(results)" }
  }

  @Test(arguments: [
    Case(startup: .firstPass, results: "P", states: [.healthy]),
    Case(startup: .firstPass, results: "FP", states: [.initial, .healthy]),
    Case(startup: .firstPass, results: "FF", states: [.initial, .unhealthy]),
    Case(startup: .firstPass, results: "PFF", states: [.healthy, .healthy, .unhealthy]),
    Case(startup: .firstPass, results: "PFPF", states: [.healthy, .healthy, .healthy, .healthy]),
    Case(
      startup: .firstPass, results: "FFPPFPPP",
      states: [
        .initial, .unhealthy, .unhealthy, .unhealthy, .unhealthy, .unhealthy, .unhealthy, .healthy,
      ]),
    Case(startup: .firstCheck, results: "P", states: [.healthy]),
    Case(
      startup: .firstCheck, results: "FPPP", states: [.unhealthy, .unhealthy, .unhealthy, .healthy]
    ),
  ])
  func statesFollowTheThresholds(_ example: Case) {
    var streak = HealthCheckStreak()
    var states: [HealthCheckStreak.State] = []
    for result in example.results {
      streak.record(
        passed: result == "P", healthyThreshold: 3, unhealthyThreshold: 2,
        startup: example.startup)
      states.append(streak.state)
    }
    #expect(states == example.states)
  }

  @Test func recordSaysWhenTheStateChangedAndCountsTheStreak() {
    var streak = HealthCheckStreak(.healthy)
    let changes = [false, false, true].map { passed in
      streak.record(passed: passed, healthyThreshold: 3, unhealthyThreshold: 2)
    }
    #expect(changes == [false, true, false])
    #expect(streak.state == .unhealthy)
    #expect(streak.passes == 1 && streak.failures == 0)
  }
}
