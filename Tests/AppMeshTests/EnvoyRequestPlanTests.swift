import NetworkModel
import SimKernel
import RouteMatching
import Testing

@testable import SimEngine

/// Handshakes between Envoys are kept as one-byte codes per exchange slot: each kind comes back
/// as it was recorded, once, and only for the generation it was recorded at.
@Suite struct HandshakeSlotsTests {
  @Test func everyKindComesBackOnceForItsGeneration() {
    let slots = HandshakeSlots()
    let kinds: [TLSHandshake] = [
      .plaintext, .tls(verified: false, mutual: false), .tls(verified: true, mutual: false),
      .tls(verified: false, mutual: true), .tls(verified: true, mutual: true), .failed("no trusted CA"),
    ]
    for (index, handshake) in kinds.enumerated() {
      slots.record(handshake, for: Int32(index * 3), generation: UInt32(index + 7))
    }
    for (index, handshake) in kinds.enumerated() {
      let e = Int32(index * 3)
      #expect(slots.take(for: e, generation: UInt32(index + 8)) == nil)
      #expect(slots.take(for: e, generation: UInt32(index + 7)) == handshake)
      #expect(slots.take(for: e, generation: UInt32(index + 7)) == nil)
    }
    #expect(slots.take(for: 1, generation: 0) == nil)
    #expect(slots.take(for: 1_000, generation: 0) == nil)
  }

  @Test func slotsKeepTheirHandshakesWhileTheMemoryGrows() {
    let slots = HandshakeSlots()
    slots.record(.tls(verified: true, mutual: true), for: 3, generation: 1)
    slots.record(.failed("kept"), for: 63, generation: 2)
    // Far past the first allocation, twice.
    slots.record(.plaintext, for: 200, generation: 5)
    slots.record(.tls(verified: false, mutual: false), for: 1_000, generation: 6)
    #expect(slots.take(for: 3, generation: 1) == .tls(verified: true, mutual: true))
    #expect(slots.take(for: 63, generation: 2) == .failed("kept"))
    #expect(slots.take(for: 200, generation: 5) == .plaintext)
    #expect(slots.take(for: 1_000, generation: 6) == .tls(verified: false, mutual: false))
    // Slots never written hold nothing, whatever the generation asked for.
    #expect(slots.take(for: 64, generation: 0) == nil)
    #expect(slots.take(for: 999, generation: 0) == nil)
    #expect(slots.take(for: -1, generation: 0) == nil)
  }

  @Test func aNewRecordReplacesTheSlotsHandshakeAndReason() {
    let slots = HandshakeSlots()
    slots.record(.failed("first"), for: 2, generation: 1)
    slots.record(.plaintext, for: 2, generation: 2)
    #expect(slots.take(for: 2, generation: 1) == nil)
    #expect(slots.take(for: 2, generation: 2) == .plaintext)
    slots.record(.failed("first"), for: 2, generation: 3)
    slots.record(.failed("second"), for: 2, generation: 4)
    #expect(slots.take(for: 2, generation: 4) == .failed("second"))
  }
}

/// The in-place endpoint pick answers only in the common case — a remembered resolution under
/// the revision, a health reading of exactly those addresses at the current epoch, every host
/// usable — and then steps the cluster's round robin as `chooseEndpoint` would; otherwise it
/// leaves everything as it was.
@Suite struct EnvoyQuickPickTests {
  static let addresses: [UInt32] = [0x0A00_0001, 0x0A00_0002]

  static func state(allHealthy: Bool = true) -> EnvoyClusterState {
    let state = EnvoyClusterState()
    state.store(
      .init(addresses: addresses, expires: .zero + .seconds(10), source: "Route 53"), of: "b.local", node: 1,
      revision: 4)
    state.cluster(node: 1, port: 8080).health = .init(
      epoch: 9, addresses: addresses, healthy: [true, allHealthy], allHealthy: allHealthy)
    return state
  }

  static func pick(_ state: EnvoyClusterState, node: Int = 1, revision: Int = 4, healthEpoch: Int = 9, at now: SimTime = .zero)
    -> UInt32?
  {
    state.cluster(node: node, port: 8080).quickPick(revision: revision, healthEpoch: healthEpoch, at: now)
  }

  @Test func theCommonCaseIsRoundRobinOverTheResolution() {
    let state = Self.state()
    let picks = (0..<3).map { _ in Self.pick(state) }
    #expect(picks == [0x0A00_0001, 0x0A00_0002, 0x0A00_0001])
  }

  @Test func eachClusterFindsItselfAndItsNodesResolution() {
    let state = Self.state()
    let first = state.cluster(node: 1, port: 8080)
    let second = state.cluster(node: 1, port: 9090)
    let elsewhere = state.cluster(node: 0, port: 8080)
    #expect(first !== second && first !== elsewhere && second !== elsewhere)
    #expect(state.cluster(node: 1, port: 8080) === first)
    #expect(state.cluster(node: 1, port: 9090) === second)
    #expect(state.cluster(node: 0, port: 8080) === elsewhere)
    #expect(state.clusters.count == 3)
    // The node's clusters share its resolution; another node's is its own.
    #expect(first.resolution === second.resolution)
    #expect(elsewhere.resolution !== first.resolution)
    second.health = first.health
    #expect(second.quickPick(revision: 4, healthEpoch: 9, at: .zero) == 0x0A00_0001)
    #expect(elsewhere.quickPick(revision: 4, healthEpoch: 9, at: .zero) == nil)
  }

  @Test func anythingElseIsLeftToChooseEndpoint() {
    let state = Self.state()
    #expect(Self.pick(state, revision: 5) == nil)
    #expect(Self.pick(state, healthEpoch: 10) == nil)
    #expect(Self.pick(state, at: .zero + .seconds(10)) == nil)
    // Node 2 has no resolution (and no health reading).
    #expect(Self.pick(state, node: 2) == nil)
    #expect(Self.pick(Self.state(allHealthy: false)) == nil)
    // A reading of other addresses at the same epoch does not count for the resolution.
    let other = Self.state()
    #expect(Self.pick(other) == 0x0A00_0001)
    other.cluster(node: 1, port: 8080).health = .init(
      epoch: 9, addresses: [0x0A00_0009], healthy: [true], allHealthy: true)
    #expect(Self.pick(other) == nil)
    // A new resolution of the same addresses is checked against the reading again.
    let renewed = Self.state()
    #expect(Self.pick(renewed) == 0x0A00_0001)
    renewed.store(
      .init(addresses: [0x0A00_0003], expires: .zero + .seconds(10), source: "Route 53"), of: "b.local", node: 1,
      revision: 4)
    #expect(Self.pick(renewed) == nil)
    // No cursor step was taken by the misses.
    #expect(Self.pick(state) == 0x0A00_0001)
  }
}

/// The handshake codes stand for each handshake exactly; a mesh client's recorded outcome says
/// whether it was recorded and why it failed.
@Suite struct HandshakeCodeTests {
  @Test func codesRoundTrip() {
    let kinds: [TLSHandshake] = [
      .plaintext, .tls(verified: false, mutual: false), .tls(verified: true, mutual: false),
      .tls(verified: false, mutual: true), .tls(verified: true, mutual: true), .failed("x"),
    ]
    let codes = kinds.map(HandshakeSlots.Code.init)
    #expect(Set(codes.map(\.raw)).count == kinds.count)
    #expect(!codes.contains(.none))
    for (code, handshake) in zip(codes, kinds) { #expect(code.handshake(failure: "x") == handshake) }
    #expect(HandshakeSlots.Code.none.handshake(failure: "x") == nil)
  }

  @Test func aCodeRecordedWithItsReasonIsTakenWithIt() {
    let slots = HandshakeSlots()
    slots.record(.failed, failure: "expired", for: 4, generation: 2)
    #expect(slots.takeCode(for: 4, generation: 2) == .failed)
    #expect(slots.takeFailure(for: 4) == "expired")
    slots.record(.plaintext, failure: nil, for: 4, generation: 3)
    #expect(slots.takeCode(for: 4, generation: 3) == .plaintext)
    #expect(slots.takeCode(for: 4, generation: 3) == .none)
  }
}

/// What an attempt to a cluster reads of the configuration is kept per cluster for one revision,
/// client policy and Envoy listener: any other key misses.
@Suite struct ClusterAttemptFactsTests {
  @Test func theFactsHoldForTheirKeyOnly() {
    let state = EnvoyClusterState()
    let cluster = state.cluster(node: 2, port: 9080)
    // Client policy 1 of revision 2's facts; none is (_, -1).
    let policy = (revision: 2, index: 1)
    let none = (revision: 3, index: -1)
    #expect(!cluster.attemptFactsHold(revision: 0, clientPolicy: none, owner: 5))
    let listener = MeshRevisionFacts.NodeListener(port: 9080, checksHealth: false, terminatesTLS: true, detectsOutliers: true)
    cluster.storeAttemptFacts(
      revision: 3, clientPolicy: policy, owner: 5, listener: listener,
      handshake: .tls(verified: true, mutual: false))
    #expect(cluster.attemptFactsHold(revision: 3, clientPolicy: policy, owner: 5))
    #expect(!cluster.attemptFactsHold(revision: 4, clientPolicy: policy, owner: 5))
    #expect(!cluster.attemptFactsHold(revision: 3, clientPolicy: none, owner: 5))
    // The same index in another revision's facts is another policy.
    #expect(!cluster.attemptFactsHold(revision: 3, clientPolicy: (revision: 3, index: 1), owner: 5))
    #expect(!cluster.attemptFactsHold(revision: 3, clientPolicy: (revision: 2, index: 0), owner: 5))
    #expect(!cluster.attemptFactsHold(revision: 3, clientPolicy: policy, owner: 6))
    #expect(cluster.attemptDetectsOutliers)
    #expect(cluster.attemptHandshake == .tls(verified: true, mutual: false))
    #expect(cluster.attemptHandshakeCode == HandshakeSlots.Code(.tls(verified: true, mutual: false)))
    let other = state.cluster(node: 2, port: 9081)
    #expect(!other.attemptFactsHold(revision: 3, clientPolicy: policy, owner: 5))
  }
}

/// A revision's facts number its retry policies: a route without its own follows App Mesh's
/// default when it is on (none when off), a route with its own follows that one; an upstream
/// call applies the policy it was started with.
@Suite struct MeshRetryPolicyIndexTests {
  typealias F = AppMeshFixture
  static var own: F.JSON { [
    "retryPolicy": [
      "maxRetries": 1, "perRetryTimeout": ["value": 2, "unit": "s"], "httpRetryEvents": ["gateway-error"],
    ]
  ] }

  static func config() -> AppMeshConfiguration {
    let appMesh: F.JSON = [
      "virtualRouters": [F.router("r")],
      "routes": [
        F.route("plain", router: "r", match: ["prefix": "/p"], targets: [("b-vn", 1)]),
        F.route("own", router: "r", match: ["prefix": "/o"], targets: [("b-vn", 1)], extra: own),
      ],
      "virtualServices": [F.virtualService("svc.mesh.local", router: "r")],
    ]
    return F.model(AppMeshEngineTests.scenario(appMesh: appMesh, backends: ["svc.mesh.local"], url: "http://svc.mesh.local:8080/")).appMesh.initial
  }

  @Test func routesReferToTheirPolicyByIndex() throws {
    let config = Self.config()
    let plain = try #require(config.routes.firstIndex { $0.name == "plain" })
    let own = try #require(config.routes.firstIndex { $0.name == "own" })
    let withDefault = MeshRevisionFacts(config, defaultRetryPolicy: .appMeshDefault)
    #expect(withDefault.defaultRetryPolicy == 0)
    #expect(withDefault.retryPolicies[withDefault.routeRetryPolicies[plain]] == .appMeshDefault)
    #expect(withDefault.retryPolicies[withDefault.routeRetryPolicies[own]] == config.routes[own].retryPolicy)
    let withoutDefault = MeshRevisionFacts(config, defaultRetryPolicy: nil)
    #expect(withoutDefault.defaultRetryPolicy == -1)
    #expect(withoutDefault.routeRetryPolicies[plain] == -1)
    #expect(withoutDefault.retryPolicies[withoutDefault.routeRetryPolicies[own]] == config.routes[own].retryPolicy)
  }

  /// A route's pick table answers what walking its weighted choice answers, for every remainder
  /// and for large random values; no weight picks nothing, and a total above the table limit is
  /// walked.
  @Test func pickTablesAgreeWithTheWeightedWalk() throws {
    var config = Self.config()
    let plain = try #require(config.routes.firstIndex { $0.name == "plain" })
    let own = try #require(config.routes.firstIndex { $0.name == "own" })
    let target = config.routes[plain].targets[0]
    func weighted(_ weights: [Int]) -> ([MeshRoute.Target], WeightedChoice<Int>) {
      let targets = weights.enumerated().map {
        MeshRoute.Target(node: target.node, port: target.port + $0.offset, weight: $0.element)
      }
      return (targets, WeightedChoice(weights.enumerated().map { (element: $0.offset, weight: $0.element) }))
    }
    (config.routes[plain].targets, config.routes[plain].choice) = weighted([0, 3, 5, 0, 2])
    (config.routes[own].targets, config.routes[own].choice) = weighted([RoutePicks.tableLimit, 1])
    let facts = MeshRevisionFacts(config, defaultRetryPolicy: nil)
    for route in [plain, own] {
      let choice = config.routes[route].choice
      let values = Array(0..<UInt64(choice.totalWeight + 20)) + [UInt64.max, UInt64.max - 7, 1 << 40]
      for value in values {
        let expected = choice.pickIndex(randomValue: value).map { config.routes[route].targets[$0] }
        #expect(facts.pickTarget(route: route, randomValue: value) == expected)
      }
    }
    (config.routes[plain].targets, config.routes[plain].choice) = weighted([0, 0])
    #expect(MeshRevisionFacts(config, defaultRetryPolicy: nil).pickTarget(route: plain, randomValue: 5) == nil)
  }

  @Test func clientPoliciesAreReferredToByIndex() throws {
    var config = Self.config()
    #expect(!config.virtualNodes.isEmpty)
    for node in config.virtualNodes.indices {
      config.virtualNodes[node].backendDefaults = TLSNegotiationTests.policy(ports: [9000 + node])
    }
    let facts = MeshRevisionFacts(config, defaultRetryPolicy: nil)
    for (index, node) in config.virtualNodes.enumerated() {
      for service in config.virtualServices.indices {
        let policy = facts.clientPolicy(node: index, service: service)
        let expected = node.clientPolicy(for: service)
        #expect((policy >= 0) == (expected != nil))
        if policy >= 0 { #expect(facts.clientPolicies[policy].ports == expected?.ports) }
      }
    }
    let none = MeshRevisionFacts(Self.config(), defaultRetryPolicy: nil)
    #expect(none.clientPolicies.isEmpty && none.clientPolicy(node: 0, service: 0) == -1)
    // A call reads its policy from the facts of the revision it started under.
    let call = UpstreamCall()
    let policy = facts.clientPolicy(node: 0, service: 0)
    call.start(
      owner: 1, generation: 0, target: nil, passthrough: nil, clientPolicy: policy, facts: .passUnretained(facts), revision: 7, retryPolicy: -1)
    #expect(call.clientPolicy == policy && call.revision == 7)
    #expect(call.clientPolicyValue?.ports == [9000])
    call.start(
      owner: 1, generation: 1, target: nil, passthrough: nil, clientPolicy: -1, facts: .passUnretained(facts), revision: 7, retryPolicy: -1)
    #expect(call.clientPolicyValue == nil)
  }

  /// An Envoy answering a call it holds ends that call (`finish(_:_:ending:in:)`): once every
  /// request of a run is answered, no call is left under way.
  @Test func answeredCallsAreEnded() throws {
    let world = WorldBuilder.build(
      F.model(AppMeshEngineTests.scenario(url: "http://b.mesh.local:8080/")), seed: 1, traces: .none)
    world.run()
    let planes = world.actors.compactMap { ($0 as? EnvoyProxyActor)?.plane }
    let plane = try #require(planes.first)
    #expect(plane.callCounts.total > 0)
    #expect(plane.callCounts.active == 0)
  }

  @Test func routeTargetsArePickedAsTheirWeightedChoicePicksThem() {
    let appMesh: F.JSON = [
      "virtualRouters": [F.router("r")],
      "routes": [
        F.route("a", router: "r", match: ["prefix": "/a"], targets: [("b-vn", 3), ("c-vn", 0), ("b-vn", 5)]),
        F.route("c", router: "r", match: ["prefix": "/c"], targets: [("c-vn", 1), ("b-vn", 1)]),
      ],
      "virtualServices": [F.virtualService("svc.mesh.local", router: "r")],
    ]
    let config = F.model(
      AppMeshEngineTests.scenario(appMesh: appMesh, backends: ["svc.mesh.local"], url: "http://svc.mesh.local:8080/")
    ).appMesh.initial
    let facts = MeshRevisionFacts(config, defaultRetryPolicy: nil)
    for (index, route) in config.routes.enumerated() {
      #expect(Array(facts.targets(ofRoute: index)) == route.targets)
      for value in [0, 1, 2, 3, 4, 7, 8, 15, 99, UInt64.max] as [UInt64] {
        #expect(
          facts.pickTarget(route: index, randomValue: value)
            == route.choice.pickIndex(randomValue: value).map { route.targets[$0] })
      }
    }
    #expect(facts.routeTimeouts.allSatisfy { $0 == MeshListener.defaultPerRequestTimeout })
  }

  /// An attempt waits the per-retry timeout within what is left of the request timeout; a zero
  /// or missing limit waits App Mesh's idle timeout (the rule the first attempt, started straight
  /// from `startCall`, and later attempts share).
  @Test func attemptTimeoutsFollowThePerRetryTimeoutWithinTheRequestTimeout() {
    let attemptTimeout = EnvoyProxyActor.attemptTimeout
    #expect(attemptTimeout(nil, nil) == EnvoyProxyActor.unlimited)
    #expect(attemptTimeout(.seconds(2), nil) == .seconds(2))
    #expect(attemptTimeout(nil, .seconds(15)) == .seconds(15))
    #expect(attemptTimeout(.seconds(2), .seconds(15)) == .seconds(2))
    #expect(attemptTimeout(.seconds(2), .milliseconds(500)) == .milliseconds(500))
    #expect(attemptTimeout(.zero, nil) == EnvoyProxyActor.unlimited)
    #expect(attemptTimeout(.seconds(2), .zero) == EnvoyProxyActor.unlimited)
  }

  /// A route's first-attempt timeout, decided once per revision, is what `startCall` would
  /// decide per request: the route's per-retry timeout within its request timeout.
  @Test func firstAttemptTimeoutsAreDecidedPerRoute() throws {
    let config = Self.config()
    let plain = try #require(config.routes.firstIndex { $0.name == "plain" })
    let own = try #require(config.routes.firstIndex { $0.name == "own" })
    for policy in [MeshRetryPolicy.appMeshDefault, nil] {
      let facts = MeshRevisionFacts(config, defaultRetryPolicy: policy)
      for route in config.routes.indices {
        let retryPolicy = facts.routeRetryPolicies[route]
        let perRetry = retryPolicy >= 0 ? facts.retryPolicies[retryPolicy].perRetryTimeout : nil
        let timeout = facts.routeTimeouts[route]
        #expect(
          facts.routeFirstAttemptTimeouts[route]
            == EnvoyProxyActor.attemptTimeout(perRetry: perRetry, remaining: timeout > .zero ? timeout : nil))
        #expect(facts.firstAttemptTimeout(retryPolicy: retryPolicy, timeout: timeout) == facts.routeFirstAttemptTimeouts[route])
      }
      // The own policy's 2 s per-retry timeout within the default 15 s; the plain route waits
      // the whole request timeout.
      #expect(facts.routeFirstAttemptTimeouts[own] == .seconds(2))
      #expect(facts.routeFirstAttemptTimeouts[plain] == MeshListener.defaultPerRequestTimeout)
      #expect(facts.firstAttemptTimeout(retryPolicy: -1, timeout: .zero) == EnvoyProxyActor.unlimited)
    }
  }

  @Test func aCallAppliesItsPolicy() throws {
    let config = Self.config()
    let own = try #require(config.routes.firstIndex { $0.name == "own" })
    let facts = MeshRevisionFacts(config, defaultRetryPolicy: .appMeshDefault)
    let call = UpstreamCall()
    call.start(
      owner: 1, generation: 0, target: nil, passthrough: nil, clientPolicy: -1, facts: .passUnretained(facts), revision: 0,
      retryPolicy: facts.routeRetryPolicies[own])
    call.attempt = 1
    #expect(call.perRetryTimeout == .seconds(2))
    #expect(call.retries(status: 502, connectFailure: false))
    #expect(!call.retries(status: 500, connectFailure: false))
    call.attempt = 2
    #expect(!call.retries(status: 502, connectFailure: false))
    call.start(
      owner: 1, generation: 1, target: nil, passthrough: nil, clientPolicy: -1, facts: .passUnretained(facts), revision: 0, retryPolicy: -1)
    call.attempt = 1
    #expect(call.perRetryTimeout == nil)
    #expect(!call.retries(status: 503, connectFailure: true))
    #expect(call.retryPolicyValue == nil)
  }
}

/// The control plane keeps one call object per downstream exchange slot, reused by the slot's
/// next call and found (unretained) only for the Envoy that owns the call while it is under way.
@Suite struct UpstreamCallSlotsTests {
  @Test func aSlotsCallIsFoundForItsOwnerUntilAnswered() throws {
    let model = AppMeshFixture.model(
      AppMeshEngineTests.scenario(url: "http://b.mesh.local:8080/")).appMesh
    let plane = AppMeshControlPlane(model: model, defaultRetries: true)
    let head = RequestHead(method: "GET", scheme: "http", host: "b", port: 80, path: "/")
    let first = plane.startCall(3, owner: 7, generation: 1).takeUnretainedValue()
    #expect(plane.unretainedCall(3, of: 7)?.takeUnretainedValue() === first)
    #expect(plane.unretainedCall(3, of: 8) == nil)
    #expect(plane.unretainedCall(4, of: 7) == nil)
    let other = plane.startCall(9, owner: 7, generation: 1).takeUnretainedValue()
    #expect(other !== first)
    plane.endCall(3, of: 8)
    #expect(plane.call(3, of: 7) === first)
    plane.endCall(3, of: 7)
    #expect(plane.call(3, of: 7) == nil)
    // A call holds a head only between attempts; the slot's next call starts without one.
    first.head = head
    let reused = plane.startCall(3, owner: 8, generation: 2).takeUnretainedValue()
    #expect(reused === first)
    #expect(reused.generation == 2 && reused.attempt == 0 && reused.head == nil)
    #expect(plane.call(9, of: 7) === other)
  }
}

/// Values by exchange index: a slot never written, one past the end or a negative index holds
/// nothing; a written slot keeps its value while later slots are added.
@Suite struct ExchangeSlotsTests {
  @Test func slotsHoldWhatWasWrittenAndNothingElse() {
    var slots = ExchangeSlots<Int>()
    #expect(slots[0] == nil && slots[-1] == nil)
    slots[3] = 30
    #expect(slots[3] == 30)
    #expect(slots[0] == nil && slots[2] == nil && slots[4] == nil && slots[-1] == nil)
    slots[100] = 1_000
    #expect(slots[3] == 30 && slots[100] == 1_000 && slots[101] == nil && slots[Int32.min] == nil)
    #expect(slots.take(3) == 30 && slots[3] == nil && slots.take(3) == nil && slots.take(500) == nil)
  }
}
