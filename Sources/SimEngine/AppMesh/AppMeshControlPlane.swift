import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// App Mesh in the running world: the configuration revision Envoys currently have, the Envoy
/// actors attached to tasks, the shared view of active health checks, and TLS handshakes in
/// flight between a client Envoy and a server listener.
///
/// Attaches Envoys when ECS creates a task whose Envoy container names a virtual node (a sidecar:
/// ingress listeners on the `AppPorts`, the egress listener through iptables) or a virtual
/// gateway (a standalone Envoy on its listener ports), and installs a new revision when an App
/// Mesh update event fires (AWS behaviour §1.2, §1.4, §1.8).
public final class AppMeshControlPlane: TaskLifecycleObserver, ServiceCallHandler {
  public let model: AppMeshModel
  public private(set) var revision = 0 {
    didSet {
      config = model.revisions[revision]
      facts = MeshRevisionFacts(config, defaultRetryPolicy: defaultRetryPolicy)
      healthEpoch += 1
    }
  }
  /// The configuration Envoys have now (`model.revisions[revision]`, kept as a stored value so
  /// that reading it on every request copies nothing).
  public private(set) var config: AppMeshConfiguration
  /// The per-request facts of `config`.
  private(set) var facts: MeshRevisionFacts
  /// Health-check state per cluster (node listener) per address.
  var health: [Int64: [UInt32: HealthCheckStreak]] = [:] {
    didSet { healthEpoch += 1 }
  }
  /// Counts changes of `health` and of the revision (which decides which listeners check
  /// health), so that an Envoy may keep what it read of them until the next change.
  private(set) var healthEpoch = 0
  /// Handshakes decided by a client Envoy, read by the server listener the exchange reaches
  /// (by exchange, for the generation recorded).
  let handshakes = HandshakeSlots()
  /// The calls every Envoy is sending upstream, by downstream exchange (an exchange has one
  /// callee, so one Envoy at most has a call for it); objects are reused by the slot's next call.
  /// Held unretained, so that finding a slot's call retains nothing: `callObjects` owns them.
  private var calls = ExchangeSlots<Unmanaged<UpstreamCall>>()
  /// Every call object ever made, kept for the life of the plane.
  private var callObjects: [UpstreamCall] = []
  /// Envoy state per task index.
  var envoys: [Int32: EnvoyClusterState] = [:]
  /// App Mesh's hidden default retry policy when the scenario has it on, else nil (read once:
  /// `MeshRetryPolicy.appMeshDefault` is a lazily initialized global).
  let defaultRetryPolicy: MeshRetryPolicy?

  /// `defaultRetries`: the simulation setting `appMeshDefaultRetries`.
  init(model: AppMeshModel, defaultRetries: Bool) {
    self.model = model
    defaultRetryPolicy = defaultRetries ? .appMeshDefault : nil
    self.config = model.revisions[0]
    self.facts = MeshRevisionFacts(model.revisions[0], defaultRetryPolicy: defaultRetryPolicy)
  }

  // MARK: - Task lifecycle

  public func taskCreated(_ task: TaskActor, in world: World) {
    guard model.identities.indices.contains(task.taskDefinition),
      let identity = model.identities[task.taskDefinition]
    else { return }
    let definition = world.model.taskDefinitions[task.taskDefinition]
    let interface = world.interfaces[Int(task.interface)]
    let state = EnvoyClusterState()
    envoys[task.taskIndex] = state
    switch identity {
    case .virtualNode(let node):
      task.sidecars.append("envoy (\(config.virtualNodes[node].name))")
      guard let proxy = definition.proxy else { return }
      for port in proxy.appPorts {
        let ingress = world.add(EnvoyIngressActor(task: task, node: node, port: port, plane: self))
        interface.listeners[port] = ingress.id
      }
      let egress = world.add(
        EnvoyEgressActor(task: task, node: node, plane: self, state: state, processingTime: world.model.settings.proxy))
      interface.egressProxy = (egress.id, proxy)
    case .virtualGateway(let gateway):
      task.sidecars.append("envoy (virtual gateway \(config.virtualGateways[gateway].name))")
      for port in definition.containerPorts {
        let listener = world.add(
          VirtualGatewayActor(
            task: task, gateway: gateway, port: port, plane: self, state: state,
            processingTime: world.model.settings.gateway))
        interface.listeners[port] = listener.id
      }
    }
  }

  // MARK: - Configuration changes

  public func apply(_ call: ServiceCallSpec, in world: World) -> Bool {
    guard case .appMesh(let body) = call.body else { return false }
    if let next = model.revisionOfEvent[body.source.path] {
      revision = next
      world.recordTimeline(
        "App Mesh: \(call.operation) \(body.resourceLabel) — Envoys receive configuration revision \(next)"
      )
    }
    return true
  }

  // MARK: - Health view

  /// Whether `node`'s listener on `port` configures active health checks.
  func checksHealth(node: Int, port: Int) -> Bool {
    facts.listener(node: node, port: port)?.checksHealth ?? false
  }

  /// What active health checks say of the hosts of one cluster.
  struct HealthView {
    let streaks: [UInt32: HealthCheckStreak]?
    /// Whether the checks consider `address` healthy (never checked yet: not healthy).
    func isHealthy(_ address: UInt32) -> Bool { streaks?[address]?.state == .healthy }
  }

  /// The health-check view of `node`'s listener on `port`, nil when it has no health checks
  /// (every host counts as healthy).
  func healthView(node: Int, port: Int) -> HealthView? {
    guard checksHealth(node: node, port: port) else { return nil }
    return HealthView(streaks: health[EnvoyClusterState.key(node: node, port: port)])
  }

  // MARK: - Endpoints

  /// The Cloud Map instances a node with Cloud Map discovery is found under now, as App Mesh's
  /// control plane discovers them: `DiscoverInstances` for the node's attributes with
  /// `healthStatus`, 1000 (the API's page maximum) at most (AWS behaviour §1.5). Empty for DNS
  /// discovery or an undeclared service.
  func cloudMapInstances(
    of node: Int, healthStatus: DiscoverInstancesQuery.HealthStatus, in world: World
  ) -> [CloudMapRegistry.Instance] {
    guard case .cloudMap(let service?, _, _, let attributes)? = facts.discoveries[node]
    else { return [] }
    let query = DiscoverInstancesQuery(
      healthStatus: healthStatus, queryParameters: attributes.map { ($0.key, $0.value) },
      maxResults: 1000)
    return world.cloudMap.discoverInstances(of: service, query: query, at: world.now)
  }

  // MARK: - Upstream calls

  /// Starts `owner`'s upstream call for downstream exchange `e` (replacing any call the slot had),
  /// with retry policy `retryPolicy` and client policy `clientPolicy` of the current revision's
  /// `facts.retryPolicies` and `facts.clientPolicies` (-1: none). The call has no head yet (see
  /// `UpstreamCall.start`).
  func startCall(
    _ e: Int32, owner: Int32, generation: UInt32, target: MeshRoute.Target? = nil,
    passthrough: (address: UInt32, port: Int)? = nil, clientPolicy: Int = -1,
    retryPolicy: Int = -1
  ) -> Unmanaged<UpstreamCall> {
    let call: Unmanaged<UpstreamCall>
    if let existing = calls[e] {
      call = existing
    } else {
      let object = UpstreamCall()
      callObjects.append(object)
      call = .passUnretained(object)
      calls[e] = call
    }
    call._withUnsafeGuaranteedRef {
      // Unretained facts: the plane holds them until the next revision, which only an event of
      // its own installs.
      $0.start(
        owner: owner, generation: generation, target: target, passthrough: passthrough,
        clientPolicy: clientPolicy, facts: Unmanaged.passUnretained(facts), revision: revision,
        retryPolicy: retryPolicy)
    }
    return call
  }

  /// `owner`'s call under way for downstream exchange `e`, if any, unretained (the plane owns
  /// every call object for its whole life).
  @inline(__always)
  func unretainedCall(_ e: Int32, of owner: Int32) -> Unmanaged<UpstreamCall>? {
    guard let call = calls[e], call._withUnsafeGuaranteedRef({ $0.isActive && $0.owner == owner }) else { return nil }
    return call
  }

  /// `owner`'s call under way for downstream exchange `e`, if any.
  func call(_ e: Int32, of owner: Int32) -> UpstreamCall? {
    unretainedCall(e, of: owner)?.takeUnretainedValue()
  }

  /// How many call objects the plane holds, and how many of those calls are under way.
  var callCounts: (total: Int, active: Int) { (callObjects.count, callObjects.count { $0.isActive }) }

  /// Forgets `owner`'s call for downstream exchange `e` (answered).
  func endCall(_ e: Int32, of owner: Int32) {
    calls[e]?._withUnsafeGuaranteedRef { if $0.owner == owner { $0.isActive = false } }
  }
}
