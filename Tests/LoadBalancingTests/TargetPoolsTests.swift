import NetworkModel
import SimKernel
import Testing

@testable import SimEngine

/// A node picks among its remembered pool of a group (`TargetPools`) until the plane's
/// selection revision moves: every pick must equal a full `TargetSelection.pick` of the state
/// at that moment, from the same cursor and random stream, whatever changed before it.
@Suite struct TargetPoolsTests {
  static func plane() throws -> (World, LoadBalancingPlane) {
    let (model, engine) = ScenarioFixture().build()
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    let world = WorldBuilder.build(try #require(model), seed: 3, traces: .none)
    world.ecs.startInitialTasks(in: world)
    let plane = try #require(world.actors.compactMap { $0 as? LoadBalancingPlane }.first)
    return (world, plane)
  }

  @Test func picksEqualAFullSelectionAfterEveryKindOfChange() throws {
    let (world, plane) = try Self.plane()
    defer { withExtendedLifetime(world) {} }
    let nodes = plane.nodes.flatMap { $0 }
    #expect(!nodes.isEmpty && !plane.targets.isEmpty)
    var random = RandomSource(seed: 9)
    func below(_ count: Int) -> Int { Int(random.nextInt(below: UInt64(count))) }
    let states: [LoadBalancerTarget.State] = [.initial, .healthy, .unhealthy, .draining]
    let algorithms: [TargetGroupAttributes.Algorithm] = [.roundRobin, .leastOutstandingRequests, .weightedRandom]
    var outcomes: Set<String> = []
    for step in 0..<3_000 {
      // A change now and then: most picks reuse the remembered pools.
      switch below(12) {
      case 0: plane.targets[below(plane.targets.count)].state = states[below(states.count)]
      case 1: plane.targets[below(plane.targets.count)].removed.toggle()
      case 2: plane.targetGroups[below(plane.targetGroups.count)].attributes.algorithm = algorithms[below(3)]
      case 3:
        plane.targetGroups[below(plane.targetGroups.count)].attributes.crossZone =
          TargetGroupAttributes.CrossZone.allCases[below(3)]
      case 4: plane.targetGroups[below(plane.targetGroups.count)].attributes.minimumHealthyTargets = 1 + below(3)
      case 5: plane.loadBalancers[below(plane.loadBalancers.count)].attributes.crossZoneEnabled.toggle()
      case 6: plane.targets[below(plane.targets.count)].outstanding = below(4)
      default: break
      }
      let node = nodes[step % nodes.count]
      let group = below(plane.targetGroups.count)
      let attributes = plane.targetGroups[group].attributes
      let algorithm = TargetSelection.Algorithm(kind: node.kind, attributes: attributes)
      var cursor = group < node.cursors.count ? node.cursors[group] : RoundRobinCursor()
      var stream = world.randomSource(node.id).pointee
      let expected = TargetSelection.pick(
        group: group, targets: plane.targets, ids: plane.targetsOfGroup[group], zone: node.zoneNumber,
        crossZone: plane.crossZone(group: group, balancer: node.balancer),
        minimumHealthy: attributes.minimumHealthyTargets, algorithm: algorithm, cursor: &cursor, random: &stream)
      let picked = plane.pickTarget(group: group, node: node, in: world)
      #expect(picked == expected, "step \(step)")
      if algorithm == .roundRobin { #expect(node.cursors[group].position == cursor.position, "step \(step)") }
      var after = world.randomSource(node.id).pointee
      #expect(after.next() == stream.next(), "step \(step)")
      outcomes.insert("\(picked)")
    }
    // The changes reached every kind of outcome.
    #expect(outcomes.contains { $0.contains("failOpen: true") } && outcomes.contains { $0.contains("failOpen: false") })
    #expect(outcomes.contains("noTarget") || outcomes.contains("noHealthyTargetInZone"))
  }

  @Test func forwardingCountsLeaveTheRevisionAndHealthMovesIt() throws {
    let (world, plane) = try Self.plane()
    defer { withExtendedLifetime(world) {} }
    let before = plane.selectionRevision
    _ = plane.forwarding(to: 0)
    #expect(plane.targets[0].outstanding == 1)
    plane.answered(by: 0)
    #expect(plane.targets[0].outstanding == 0)
    #expect(plane.selectionRevision == before)
    plane.targets[0].state = .unhealthy
    #expect(plane.selectionRevision != before)
  }

  @Test func listenerLookupFollowsListenerChanges() throws {
    // The world owns the nodes (the plane refers to them without owning them).
    let (world, plane) = try Self.plane()
    defer { withExtendedLifetime(world) {} }
    let node = try #require(plane.nodes.first?.first)
    let listener = try #require(plane.listener(of: node.balancer, port: 80))
    #expect(node.listener(forPort: 80) == listener)
    #expect(node.listener(forPort: 81) == plane.listener(of: node.balancer, port: 81))
    #expect(node.listener(forPort: 80) == listener)
    plane.listeners[listener].port = 8080
    #expect(node.listener(forPort: 80) == plane.listener(of: node.balancer, port: 80))
    #expect(node.listener(forPort: 80) != listener)
    #expect(node.listener(forPort: 8080) == listener)
    plane.listeners[listener].port = 80
    #expect(node.listener(forPort: 80) == listener)
  }
}
