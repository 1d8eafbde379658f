import Foundation
import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// Cloud Map `DiscoverInstances` (Cloud Map API reference; aws-behaviour §4.4, §7 item 46):
/// the `HealthStatus` filter with its fail-open variant, query and optional parameters, at most
/// `MaxResults` (100 by default) in a random order.
@Suite struct DiscoverInstancesTests {
  typealias Query = DiscoverInstancesQuery

  /// `backend` (10 ECS tasks, custom health) with `failing` of them failing their checks for
  /// 30 s, so Cloud Map sees them unhealthy.
  static func world(failing: Int) throws -> World {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 10)))
    for ordinal in stride(from: 1, through: failing, by: 1) {
      world.ecs.setHealthCheckFailure(
        try #require(world.task("backend/\(ordinal)")), failing: true, in: world)
    }
    world.advanceClock(to: SimTime.zero + .seconds(30))
    return world
  }

  static func names(_ instances: [CloudMapRegistry.Instance], _ world: World) -> Set<String> {
    Set(instances.map { world.tasks[Int($0.task)].name })
  }

  static func backends(_ ordinals: some Sequence<Int>) -> Set<String> {
    Set(ordinals.map { "backend/\($0)" })
  }

  /// (failing tasks, HealthStatus, the backends returned)
  @Test(arguments: [
    (3, Query.HealthStatus.healthy, Array(4...10)), (3, .unhealthy, Array(1...3)),
    (3, .all, Array(1...10)), (3, .healthyOrElseAll, Array(4...10)),
    (10, .healthy, []), (10, .unhealthy, Array(1...10)), (10, .healthyOrElseAll, Array(1...10)),
  ] as [(Int, Query.HealthStatus, [Int])])
  func healthStatusFilters(
    _ example: (failing: Int, status: Query.HealthStatus, returned: [Int])
  ) throws {
    let world = try Self.world(failing: example.failing)
    let instances = world.cloudMap.discoverInstances(
      of: 0, query: Query(healthStatus: example.status), at: world.now)
    #expect(Self.names(instances, world) == Self.backends(example.returned))
  }

  @Test func item46AllUnhealthyWithHealthyOrElseAllReturnsEveryInstanceInRandomOrder() throws {
    let world = try Self.world(failing: 10)
    var random = RandomSource(seed: 7)
    var orders = Set<[Int32]>()
    for _ in 0..<20 {
      let instances = world.cloudMap.discoverInstances(
        of: 0, query: Query(healthStatus: .healthyOrElseAll), at: world.now, using: &random)
      #expect(Self.names(instances, world) == Self.backends(1...10))
      #expect(instances.allSatisfy { !$0.healthy })
      orders.insert(instances.map(\.task))
    }
    #expect(orders.count > 1, "the API answers in a random order")
  }

  @Test func maxResultsCapsTheAnswerWithARandomSubset() throws {
    let world = try Self.world(failing: 0)
    var random = RandomSource(seed: 3)
    var seen = Set<String>()
    for _ in 0..<30 {
      let instances = world.cloudMap.discoverInstances(
        of: 0, query: Query(healthStatus: .all, maxResults: 4), at: world.now, using: &random)
      #expect(instances.count == 4)
      seen.formUnion(Self.names(instances, world))
    }
    #expect(seen == Self.backends(1...10))
    #expect(Query(healthStatus: .all).maxResults == 100)
  }

  @Test func theHealthFilterIsIgnoredWithoutAHealthCheck() throws {
    let text = WorldFixture.cloudMap(tasks: 2).replacingOccurrences(
      of: #""HealthCheckCustomConfig": { "FailureThreshold": 1 }"#, with: #""Description": "none""#)
    let world = try #require(WorldFixture.world(text))
    #expect(world.model.discoveryServices[0].healthCheckCustom == false)
    let unhealthy = world.cloudMap.discoverInstances(
      of: 0, query: Query(healthStatus: .unhealthy), at: world.now)
    #expect(Self.names(unhealthy, world) == Self.backends(1...2))
  }

  /// The documented `discover-instances --query-parameters "version=blue"` of the App Mesh
  /// howto-k8s-timeout-policy walkthrough (cases/cloudmap): exactly the blue instance.
  static let registered = WorldFixture.scenario(
    """
    "cloudMap": {
      "namespaces": [{ "Id": "ns-1", "Name": "howto-k8s-timeout-policy.pvt.aws.local", "Type": "HTTP" }],
      "services": [{ "Id": "srv-colorapp", "Name": "colorapp", "NamespaceId": "ns-1" }],
      "instances": [
        { "ServiceId": "srv-colorapp", "InstanceId": "192.168.10.38",
          "Attributes": { "AWS_INSTANCE_IPV4": "192.168.10.38", "version": "blue", "zone": "a" } },
        { "ServiceId": "srv-colorapp", "InstanceId": "192.168.10.39",
          "Attributes": { "AWS_INSTANCE_IPV4": "192.168.10.39", "version": "red", "zone": "a" } },
        { "ServiceId": "srv-colorapp", "InstanceId": "192.168.10.40",
          "Attributes": { "AWS_INSTANCE_IPV4": "192.168.10.40", "version": "blue", "zone": "b" } }
      ]
    }
    """)

  static func addresses(_ query: Query) throws -> [String] {
    let world = try #require(WorldFixture.world(registered))
    return world.cloudMap.discoverInstances(of: 0, query: query, at: world.now).map {
      IPv4Address($0.address).description
    }
  }

  @Test func queryParametersMustAllMatch() throws {
    #expect(
      try Self.addresses(Query(healthStatus: .healthy, queryParameters: [("version", "blue")]))
        == ["192.168.10.38", "192.168.10.40"])
    #expect(
      try Self.addresses(
        Query(healthStatus: .healthy, queryParameters: [("version", "blue"), ("zone", "a")]))
        == ["192.168.10.38"])
    #expect(
      try Self.addresses(Query(healthStatus: .healthy, queryParameters: [("version", "green")]))
        .isEmpty)
  }

  @Test func optionalParametersNarrowOnlyWhenSomeInstanceMatches() throws {
    #expect(
      try Self.addresses(
        Query(
          healthStatus: .all, queryParameters: [("version", "blue")],
          optionalParameters: [("zone", "b")])) == ["192.168.10.40"])
    #expect(
      try Self.addresses(
        Query(
          healthStatus: .all, queryParameters: [("version", "blue")],
          optionalParameters: [("zone", "c")])) == ["192.168.10.38", "192.168.10.40"])
  }
}
