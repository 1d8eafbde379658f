import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// A sidecar Envoy's ingress listener (`0.0.0.0:15000`) for one of the task's `AppPorts`:
/// iptables redirects inbound TCP on that port here. It terminates TLS as the virtual node
/// listener says, enforces the listener's connection pool (destination-side circuit breaker;
/// overflow is a 503) and its per-request timeout (15 s default; 504), and hands the request to
/// the application on the same host (AWS behaviour §1.4, §1.5, §1.9).
final class EnvoyIngressActor: SimActor {
  let task: TaskActor
  let node: Int
  let port: Int
  let plane: AppMeshControlPlane
  var pool = ConnectionPoolQueue()
  /// The node's listener on `port` as of configuration revision `listenerRevision`.
  private var listener = MeshListenerSnapshot(nil)
  private var listenerRevision = -1
  /// The per-request timeout the listener gives the application (none for TCP listeners), as
  /// of `listenerRevision`.
  private var listenerTimeout = SimDuration.zero

  init(task: TaskActor, node: Int, port: Int, plane: AppMeshControlPlane) {
    self.task = task
    self.node = node
    self.port = port
    self.plane = plane
    super.init(name: "envoy \(task.name) ingress :15000 (app port \(port))")
  }

  override var groupName: String { task.groupName }

  override func handleRequest(_ e: Int32, in world: World) {
    // The handshake a mesh client decided for the connection (`.none`: a client outside the
    // mesh), taken from its slot; the reason of a failed one is taken below, out of the way of
    // the common case.
    let meshHandshake = plane.handshakes.takeCode(for: e, generation: world.exchanges[e].generation)
    let meshFailure = meshHandshake == .failed ? plane.handshakes.takeFailure(for: e) : nil
    if listenerRevision != plane.revision {
      listener = MeshListenerSnapshot(plane.config.virtualNodes[node].listener(port: port))
      listenerRevision = plane.revision
      listenerTimeout = listener.protocolName == .tcp ? .zero : listener.perRequestTimeout
    }
    guard listener.exists else {
      world.note(
        e, name, .failed,
        "virtual node \(plane.config.virtualNodes[node].name) has no listener on port \(port): no filter chain, connection closed"
      )
      world.reply(e, .failure(.connectionClosed))
      return
    }
    if let meshFailure { return refuseHandshake(e, reason: meshFailure, in: world) }
    // A client outside the mesh negotiates with the listener as its scheme says.
    if meshHandshake == .none,
      case .failed(let reason) = listener.handshake(usesTLS: world.exchanges[e].head.scheme == "https")
    {
      return refuseHandshake(e, reason: reason, in: world)
    }
    if world.isTraced(e) {
      world.note(
        e, name, .received,
        "virtual node \(plane.config.virtualNodes[node].name) listener \(listener.protocolName.rawValue) :\(port)\(listener.tlsLabel)"
      )
    }
    let limits = listener.connectionPool
    switch pool.admit(e, limits: limits, in: world) {
    case .serve: break
    case .queue:
      world.note(
        e, name, .note, "connection pool full (\(limits?.maxActive ?? 0) active): request waits")
      return
    case .overflow:
      world.note(
        e, name, .failed,
        "connection pool overflow (\(limits?.maxActive ?? 0) active, \(limits?.maxPending ?? 0) pending): 503"
      )
      world.reply(e, .localReply(503, .overflow), after: world.model.settings.proxy)
      return
    }
    deliver(e, timeout: listenerTimeout, in: world)
  }

  /// Closes a connection whose TLS handshake failed.
  @inline(never)
  private func refuseHandshake(_ e: Int32, reason: String, in world: World) {
    world.note(e, name, .denied, "TLS handshake fails: \(reason)")
    world.reply(e, .failure(.tlsHandshakeFailed))
  }

  @inline(__always)
  func deliver(_ e: Int32, timeout: SimDuration, in world: World) {
    pool.start()
    // The application gets the request's head unchanged, moved (`forwardingHeadOf`): the ingress
    // does not read it again.
    let incoming = world.exchanges.slot(e)
    world.deliverLocally(
      from: task.interface, caller: id, to: task.id, forwardingHeadOf: e,
      request: incoming.pointee.request,
      timeout: timeout > .zero ? timeout : EnvoyProxyActor.unlimited)
  }

  override func handleResponse(_ child: Int32, in world: World) {
    // The child's fields read through one checked slot address (no exchange is opened below
    // before they are read).
    let slot = world.exchanges.slot(child)
    let (e, parentGeneration) = (slot.pointee.parent, slot.pointee.parentGeneration)
    if world.isWaiting(e, generation: parentGeneration) {
      let response = slot.pointee.response
      if response.status > 0 {
        world.reply(e, response, after: world.model.settings.proxy)
      } else if response.disposition == .timedOut {
        world.note(
          e, name, .failed, "the application did not answer within the listener timeout: 504")
        world.reply(e, .localReply(504, .timedOut), after: world.model.settings.proxy)
      } else {
        world.note(
          e, name, .failed,
          "the application reset the connection (\(response.disposition.rawValue)): 503")
        world.reply(e, .localReply(503, response.disposition), after: world.model.settings.proxy)
      }
    }
    if let next = pool.finish(in: world) {
      let timeout =
        plane.config.virtualNodes[node].listener(port: port)?.perRequestTimeout
        ?? MeshListener.defaultPerRequestTimeout
      deliver(next, timeout: timeout, in: world)
    }
  }
}
