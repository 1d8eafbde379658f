import NetworkModel
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
      facts = MeshRevisionFacts(config)
    }
  }
  /// The configuration Envoys have now (`model.revisions[revision]`, kept as a stored value so
  /// that reading it on every request copies nothing).
  public private(set) var config: AppMeshConfiguration
  /// The per-request facts of `config`.
  private(set) var facts: MeshRevisionFacts
  /// Health-check state per cluster (node listener) per address.
  var health: [Int64: [UInt32: HealthCheckStreak]] = [:]
  /// Handshakes decided by a client Envoy, read by the server listener the exchange reaches.
  var handshakes: [Int64: TLSHandshake] = [:]
  /// Envoy state per task index.
  var envoys: [Int32: EnvoyClusterState] = [:]

  init(model: AppMeshModel) {
    self.model = model
    self.config = model.revisions[0]
    self.facts = MeshRevisionFacts(model.revisions[0])
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
      let egress = world.add(EnvoyEgressActor(task: task, node: node, plane: self, state: state))
      interface.egressProxy = (egress.id, proxy)
    case .virtualGateway(let gateway):
      task.sidecars.append("envoy (virtual gateway \(config.virtualGateways[gateway].name))")
      for port in definition.containerPorts {
        let listener = world.add(
          VirtualGatewayActor(task: task, gateway: gateway, port: port, plane: self, state: state))
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

  /// Whether active health checks (if the listener has any) consider `address` healthy.
  func passesHealthChecks(node: Int, port: Int, address: UInt32) -> Bool {
    guard checksHealth(node: node, port: port) else { return true }
    return isHealthy(node: node, port: port, address: address)
  }

  /// Whether `node`'s listener on `port` configures active health checks.
  func checksHealth(node: Int, port: Int) -> Bool {
    facts.listener(node: node, port: port)?.checksHealth ?? false
  }

  /// Whether the health checks of `node`'s listener on `port` consider `address` healthy.
  func isHealthy(node: Int, port: Int, address: UInt32) -> Bool {
    health[EnvoyClusterState.key(node: node, port: port)]?[address]?.state == .healthy
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

  // MARK: - TLS between Envoys

  static func handshakeKey(_ e: Int32, _ generation: UInt32) -> Int64 {
    Int64(e) << 32 | Int64(generation)
  }

  func recordHandshake(_ handshake: TLSHandshake, for e: Int32, in world: World) {
    handshakes[Self.handshakeKey(e, world.exchanges[e].generation)] = handshake
  }

  /// The handshake a mesh client decided for `e`, or nil for a client outside the mesh.
  func takeHandshake(for e: Int32, in world: World) -> TLSHandshake? {
    handshakes.removeValue(forKey: Self.handshakeKey(e, world.exchanges[e].generation))
  }
}
