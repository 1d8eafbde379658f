import NetworkModel
import SimKernel
import Testing

@testable import SimEngine

@Suite struct TargetSelectionTests {
  /// Targets `a1 a2` in zone a and `b1` in zone b, with the given states.
  func targets(_ states: [LoadBalancerTarget.State]) -> [LoadBalancerTarget] {
    let zones = ["a", "a", "b"]
    return states.enumerated().map { index, state in
      LoadBalancerTarget(
        targetGroup: 0, address: UInt32(index + 1), port: 80, zone: zones[index],
        zoneNumber: zoneNumber(zones[index]), task: -1,
        state: state,
        label: "t\(index)")
    }
  }

  /// Zones numbered as a plane would: a is 0, b is 1.
  func zoneNumber(_ zone: String) -> Int32 { zone == "a" ? 0 : 1 }

  func pick(
    _ states: [LoadBalancerTarget.State], zone: String = "a", crossZone: Bool = true,
    minimum: Int = 1,
    algorithm: TargetSelection.Algorithm = .roundRobin, times: Int = 1, outstanding: [Int] = []
  ) -> [TargetSelection.Outcome] {
    var list = targets(states)
    for (index, count) in outstanding.enumerated() { list[index].outstanding = count }
    var cursor = RoundRobinCursor()
    var random = RandomSource(seed: 1)
    return (0..<times).map { _ in
      TargetSelection.pick(
        group: 0, targets: list, ids: Array(list.indices), zone: zoneNumber(zone), crossZone: crossZone,
        minimumHealthy: minimum, algorithm: algorithm, cursor: &cursor, random: &random)
    }
  }

  @Test func roundRobinOverHealthyTargets() {
    #expect(
      pick([.healthy, .unhealthy, .healthy], times: 4) == [
        .target(0, failOpen: false), .target(2, failOpen: false), .target(0, failOpen: false),
        .target(2, failOpen: false),
      ])
  }

  @Test func initialAndDrainingTargetsGetNoRequestsWhileOthersAreHealthy() {
    #expect(
      pick([.initial, .draining, .healthy], times: 2) == [
        .target(2, failOpen: false), .target(2, failOpen: false),
      ])
  }

  @Test func allUnhealthyFailsOpenToEveryRegisteredTarget() {
    #expect(
      pick([.unhealthy, .unhealthy, .draining], times: 3) == [
        .target(0, failOpen: true), .target(1, failOpen: true), .target(0, failOpen: true),
      ])
  }

  @Test func fewerHealthyThanTheMinimumFailsOpen() {
    #expect(
      pick([.healthy, .unhealthy, .unhealthy], minimum: 2, times: 3) == [
        .target(0, failOpen: true), .target(1, failOpen: true), .target(2, failOpen: true),
      ])
  }

  @Test func noRoutableTargetIsNoTarget() {
    #expect(pick([.draining, .draining, .draining]) == [.noTarget])
    #expect(pick([]) == [.noTarget])
  }

  @Test func crossZoneOffKeepsANodeInItsZone() {
    #expect(
      pick([.healthy, .healthy, .healthy], zone: "b", crossZone: false, times: 2) == [
        .target(2, failOpen: false), .target(2, failOpen: false),
      ])
  }

  @Test func crossZoneOffWithoutHealthyTargetInZoneWhileOthersHaveSome() {
    #expect(
      pick([.healthy, .healthy, .unhealthy], zone: "b", crossZone: false) == [
        .noHealthyTargetInZone
      ])
  }

  @Test func crossZoneOffFailsOpenInZoneWhenNoZoneIsHealthy() {
    #expect(
      pick([.unhealthy, .unhealthy, .unhealthy], zone: "b", crossZone: false) == [
        .target(2, failOpen: true)
      ])
  }

  @Test func leastOutstandingRequests() {
    #expect(
      pick([.healthy, .healthy, .healthy], algorithm: .leastOutstanding, outstanding: [3, 1, 2])
        == [.target(1, failOpen: false)])
  }

  @Test func randomPicksOnlyCandidates() {
    let outcomes = pick([.healthy, .unhealthy, .healthy], algorithm: .random, times: 200)
    #expect(
      Set(outcomes.map { "\($0)" }) == ["target(0, failOpen: false)", "target(2, failOpen: false)"])
  }
}
