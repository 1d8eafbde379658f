import Foundation
import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// The documented DNS answer table of cases/cloudmap/cloudmap-dns-behaviours.json (Cloud Map
/// developer guide, services-values; ECS developer guide, service discovery; aws-behaviour §4.2,
/// §7 items 42–43), row by row: ten registered instances, some of them unhealthy.
@Suite struct CloudMapDNSAnswerTableTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var policy: String
    /// Whether the service has `HealthCheckCustomConfig` (ECS pushes task health).
    var healthCheck: Bool
    var healthy: Int
    /// Records per answer.
    var answerSize: Int
    /// Whether the answers are drawn from the unhealthy instances too.
    var fromAll: Bool
    var testDescription: String {
      "\(policy), \(healthCheck ? "custom health" : "no health check"), \(healthy)/10 healthy"
    }
  }

  static let rows: [Row] = [
    // "Route 53 responds to DNS queries with IP addresses for only a maximum of eight healthy instances."
    Row(policy: "MULTIVALUE", healthCheck: true, healthy: 10, answerSize: 8, fromAll: false),
    // "If fewer than eight instances are healthy, … all the healthy instances."
    Row(policy: "MULTIVALUE", healthCheck: true, healthy: 5, answerSize: 5, fromAll: false),
    // No health check: up to 8 instances, all assumed healthy.
    Row(policy: "MULTIVALUE", healthCheck: false, healthy: 10, answerSize: 8, fromAll: true),
    // "When all records are unhealthy, Route 53 responds … with up to eight unhealthy records."
    Row(policy: "MULTIVALUE", healthCheck: true, healthy: 0, answerSize: 8, fromAll: true),
    // WEIGHTED: exactly one randomly selected healthy instance.
    Row(policy: "WEIGHTED", healthCheck: true, healthy: 5, answerSize: 1, fromAll: false),
    // "If no instances are healthy, Route 53 responds … as if all the instances were healthy."
    Row(policy: "WEIGHTED", healthCheck: true, healthy: 0, answerSize: 1, fromAll: true),
    // No health check: one random instance.
    Row(policy: "WEIGHTED", healthCheck: false, healthy: 10, answerSize: 1, fromAll: true),
  ]

  @Test(arguments: rows)
  func answers(_ row: Row) throws {
    var text = WorldFixture.cloudMap(tasks: 10, policy: row.policy)
    if !row.healthCheck {
      text = text.replacingOccurrences(
        of: #""HealthCheckCustomConfig": { "FailureThreshold": 1 }"#, with: #""Description": "-""#)
    }
    let world = try #require(WorldFixture.world(text))
    let unhealthy = 10 - row.healthy
    for ordinal in stride(from: 1, through: unhealthy, by: 1) {
      world.ecs.setHealthCheckFailure(
        try #require(world.task("backend/\(ordinal)")), failing: true, in: world)
    }
    world.advanceClock(to: SimTime.zero + .seconds(30))
    let asker = try #require(world.task("frontend/1")).id
    let pool = Set(
      (row.fromAll ? 1...10 : (unhealthy + 1)...10).compactMap {
        world.interface(of: "backend/\($0)")?.address
      })
    var seen = Set<UInt32>()
    for _ in 0..<60 {
      let answer = try #require(
        world.cloudMap.answer("backend.shop.local", fromVPC: 0, asker: asker, in: world))
      #expect(answer.addresses.count == row.answerSize)
      #expect(Set(answer.addresses).count == row.answerSize)
      #expect(Set(answer.addresses).isSubset(of: pool))
      seen.formUnion(answer.addresses)
    }
    #expect(seen == pool, "random answers reach every instance of the pool over 60 queries")
  }
}
