import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// A sidecar Envoy's egress listener (`0.0.0.0:15001`): iptables sends it every outbound TCP
/// connection of the task except port 22, `EgressIgnoredPorts` and `EgressIgnoredIPs`. It applies
/// the mesh egress filter, then routes declared backends through the mesh and passes allowed
/// undeclared destinations through to the address the application resolved (AWS behaviour §1.3,
/// §1.4).
final class EnvoyEgressActor: EnvoyProxyActor {
  let task: TaskActor
  let node: Int

  /// `processingTime`: the simulation's `proxy` setting.
  init(
    task: TaskActor, node: Int, plane: AppMeshControlPlane, state: EnvoyClusterState, processingTime: SimDuration
  ) {
    self.task = task
    self.node = node
    super.init(
      name: "envoy \(task.name) egress :15001", interface: task.interface,
      ownNames: plane.config.discoveryNames(of: node), plane: plane, state: state, processingTime: processingTime)
  }

  override var groupName: String { task.groupName }

  override func handleRequest(_ e: Int32, in world: World) {
    let head = world.exchanges[e].head
    let original = UInt32(truncatingIfNeeded: world.exchanges[e].calleeContext)
    let config = plane.config
    if world.isTraced(e) {
      world.note(
        e, name, .received,
        "\(head.method) \(head.scheme)://\(head.host):\(head.port)\(head.target) (original destination \(IPv4Address(original)):\(head.port)) as virtual node \(config.virtualNodes[node].name)"
      )
    }
    switch MeshEgressFilter.decide(
      config: config, node: node, scheme: head.scheme, host: head.host, port: head.port)
    {
    case .route(let service, let port, let reason):
      world.note(e, name, .matched, reason)
      let serviceName = config.virtualServices[service].name.lowercased()
      if head.scheme == "https" && head.host.lowercased() != serviceName {
        // TCP routes by port only: the application's TLS session for one name lands on another.
        world.note(
          e, name, .failed,
          "the application's TLS session for \(head.host) is proxied to \(serviceName): the certificate does not match, the application aborts the handshake"
        )
        world.reply(e, .failure(.tlsHandshakeFailed), after: processingDelay(world))
        return
      }
      forward(
        e, service: service, port: port, head: head,
        clientPolicy: plane.facts.clientPolicy(node: node, service: service),
        in: world)
    case .noProvider(let service):
      world.note(
        e, name, .failed, "backend \(config.virtualServices[service].name) has no provider: 503")
      world.reply(e, .localReply(503, .noProvider), after: processingDelay(world))
    case .passthrough(let reason):
      world.note(e, name, .permitted, reason)
      passthrough(e, address: original, port: head.port, in: world)
    case .notFound(let disposition, let reason):
      world.note(e, name, .denied, reason)
      world.reply(e, .localReply(404, disposition), after: processingDelay(world))
    case .closed(let disposition, let reason):
      world.note(e, name, .denied, reason)
      world.reply(e, .failure(disposition), after: processingDelay(world))
    }
  }
}
