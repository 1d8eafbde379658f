import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// Cloud Map DNS answers (aws-behaviour §4.2–4.3, §7 #42–44): MULTIVALUE answers carry up to 8
/// random healthy records (all of them when 8 or fewer are healthy; up to 8 unhealthy ones when
/// none is); WEIGHTED answers carry one; custom health changes take effect 30 s later.
@Suite struct CloudMapRegistryTests {
  static let name = "backend.shop.local"

  func answer(_ world: World, asker: String = "frontend/1") throws -> DNSAnswer {
    let frontend = try #require(world.task(asker))
    return try #require(world.cloudMap.answer(Self.name, fromVPC: 0, asker: frontend.id, in: world))
  }

  func addresses(of tasks: [String], in world: World) -> Set<UInt32> {
    Set(tasks.compactMap { world.interface(of: $0)?.address })
  }

  @Test func multivalueAnswersEightOfTen() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 10)))
    let all = addresses(of: (1...10).map { "backend/\($0)" }, in: world)
    var seen = Set<UInt32>()
    for _ in 0..<50 {
      let answer = try answer(world)
      #expect(answer.addresses.count == 8)
      #expect(Set(answer.addresses).count == 8)
      #expect(Set(answer.addresses).isSubset(of: all))
      #expect(answer.ttl == .seconds(60))
      seen.formUnion(answer.addresses)
    }
    #expect(seen == all, "different answers pick different subsets")
  }

  @Test(arguments: [1, 3, 8])
  func multivalueAnswersAllWhenEightOrFewer(_ count: Int) throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: count)))
    let answer = try answer(world)
    #expect(Set(answer.addresses) == addresses(of: (1...count).map { "backend/\($0)" }, in: world))
  }

  @Test func healthChangesTakeThirtySecondsThenOnlyHealthyRecordsAreAnswered() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 10)))
    for ordinal in 1...7 { world.ecs.setHealthCheckFailure(try #require(world.task("backend/\(ordinal)")), failing: true, in: world) }
    world.advanceClock(to: SimTime.zero + .seconds(29))
    #expect(try answer(world).addresses.count == 8, "still all healthy 29 s later")
    world.advanceClock(to: SimTime.zero + .seconds(30))
    let healthy = addresses(of: ["backend/8", "backend/9", "backend/10"], in: world)
    for _ in 0..<10 { #expect(Set(try answer(world).addresses) == healthy) }
    #expect(try answer(world).source.contains("3/10 healthy"))
  }

  @Test func multivalueFailsOpenWithUpToEightUnhealthyRecords() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 10)))
    for ordinal in 1...10 { world.ecs.setHealthCheckFailure(try #require(world.task("backend/\(ordinal)")), failing: true, in: world) }
    world.advanceClock(to: SimTime.zero + .seconds(30))
    let answer = try answer(world)
    #expect(answer.addresses.count == 8)
    #expect(answer.source.contains("none healthy"))
  }

  @Test func weightedAnswersOneHealthyRecord() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 4, policy: "WEIGHTED")))
    var seen = Set<UInt32>()
    for _ in 0..<40 {
      let answer = try answer(world)
      #expect(answer.addresses.count == 1)
      seen.formUnion(answer.addresses)
    }
    #expect(seen.count == 4)
    for ordinal in 1...3 { world.ecs.setHealthCheckFailure(try #require(world.task("backend/\(ordinal)")), failing: true, in: world) }
    world.advanceClock(to: SimTime.zero + .seconds(30))
    for _ in 0..<10 { #expect(try answer(world).addresses == [world.interface(of: "backend/4")!.address]) }
  }

  @Test func weightedWithNoneHealthyAnswersOneOfAll() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 4, policy: "WEIGHTED")))
    for ordinal in 1...4 { world.ecs.setHealthCheckFailure(try #require(world.task("backend/\(ordinal)")), failing: true, in: world) }
    world.advanceClock(to: SimTime.zero + .seconds(30))
    var seen = Set<UInt32>()
    for _ in 0..<40 {
      let answer = try answer(world)
      #expect(answer.addresses.count == 1)
      seen.formUnion(answer.addresses)
    }
    #expect(seen.count == 4)
  }

  @Test func recoveringTaskReturnsAfterThirtySeconds() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 2)))
    let first = try #require(world.task("backend/1"))
    world.ecs.setHealthCheckFailure(first, failing: true, in: world)
    world.advanceClock(to: SimTime.zero + .seconds(30))
    #expect(try answer(world).addresses.count == 1)
    world.ecs.setHealthCheckFailure(first, failing: false, in: world)
    world.advanceClock(to: SimTime.zero + .seconds(59))
    #expect(try answer(world).addresses.count == 1)
    world.advanceClock(to: SimTime.zero + .seconds(60))
    #expect(try answer(world).addresses.count == 2)
  }

  @Test func privateNamespacesAnswerOnlyInsideTheirVPC() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 2)))
    let frontend = try #require(world.task("frontend/1"))
    #expect(world.cloudMap.answer(Self.name, fromVPC: nil, asker: frontend.id, in: world) == nil)
    #expect(world.cloudMap.answer(Self.name, fromVPC: 1, asker: frontend.id, in: world) == nil)
    let missing = try #require(world.cloudMap.answer("orders.shop.local", fromVPC: 0, asker: frontend.id, in: world))
    #expect(missing.addresses.isEmpty, "a name inside the zone that no service answers for is NXDOMAIN")
    #expect(missing.ttl == .seconds(15), "negative answers are cached for the SOA TTL")
  }

  @Test func stoppingTaskIsDeregisteredAtOnce() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 3)))
    world.ecs.stop(try #require(world.task("backend/2")), in: world, reason: "test")
    let expected = addresses(of: ["backend/1", "backend/3"], in: world)
    #expect(Set(try answer(world).addresses) == expected)
  }
}

/// Instances the scenario registers itself (`RegisterInstance`), such as a database host.
@Suite struct CloudMapStaticInstanceTests {
  static let text = WorldFixture.scenario("""
    "cloudMap": {
      "namespaces": [{ "Id": "ns-1", "Name": "shop.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1" }],
      "services": [{
        "Id": "srv-db", "Name": "db", "NamespaceId": "ns-1",
        "DnsConfig": { "RoutingPolicy": "MULTIVALUE", "DnsRecords": [{ "Type": "A", "TTL": 30 }] },
        "HealthCheckCustomConfig": { "FailureThreshold": 1 }
      }],
      "instances": [
        { "ServiceId": "srv-db", "InstanceId": "db-primary", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.2.50", "AWS_INSTANCE_PORT": "5432" } },
        { "ServiceId": "srv-db", "InstanceId": "db-standby", "Attributes": { "AWS_INSTANCE_IPV4": "10.0.2.51", "AWS_INIT_HEALTH_STATUS": "UNHEALTHY" } }
      ]
    },
    "external": [{ "name": "postgres", "ipAddress": "10.0.2.50", "subnet": "subnet-b", "ports": [5432], "behavior": { "body": "rows" } }],
    "clients": [{ "name": "host", "subnet": "subnet-a" }]
    """)

  @Test func dnsAnswersTheHealthyRegisteredInstance() throws {
    let world = try #require(WorldFixture.world(Self.text))
    let answer = try #require(world.cloudMap.answer("db.shop.local", fromVPC: 0, asker: 0, in: world))
    #expect(answer.addresses == [IPv4Address("10.0.2.50")!.value])
    let probe = world.add(Probe(name: "probe"))
    probe.send("http://db.shop.local:5432/", from: world.clientInterfaces[0], in: world)
    world.advance(to: SimTime.zero + .seconds(5))
    #expect(probe.received.first?.response.disposition == .delivered)
    #expect(world.bodies.string(probe.received.first?.response.body ?? -1) == "rows")
  }

  @Test func instancesAreChecked() {
    let model = WorldFixture.model(Self.text)
    #expect(model?.cloudMapInstances.map(\.id) == ["db-primary", "db-standby"])
    #expect(model?.cloudMapInstances.map(\.port) == [5432, nil])
    #expect(model?.cloudMapInstances.map(\.initiallyHealthy) == [true, false])
  }
}
