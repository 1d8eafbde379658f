import NetworkModel
import SimKernel

/// The server side of a task's Service Connect proxy: a listener on the task's ENI at the
/// container port (or `ingressPortOverride`) that hands each request to the application
/// container on its container port.
///
/// Client proxies connect here, and so can anything else that knows the task's address (ECS
/// developer guide: such clients "can connect through the Service Connect proxy but can't
/// resolve Service Connect endpoint names"); with TLS configured, only Service Connect proxies
/// complete the handshake. The endpoint's timeouts apply here too: 504 at the per-request
/// timeout, a closed connection at the idle timeout (aws-behaviour §2.1, §2.3).
final class ServiceConnectIngressActor: SimActor {
  let task: TaskActor
  let port: Int
  /// The endpoints served on this port (several entries may share the container port).
  let endpoints: [ServiceConnectEndpoint]
  let label: String

  init(task: TaskActor, port: Int, endpoints: [ServiceConnectEndpoint]) {
    precondition(!endpoints.isEmpty, "an ingress listener serves at least one endpoint")
    self.task = task
    self.port = port
    self.endpoints = endpoints
    self.label = "service-connect proxy (\(task.name))"
    super.init(name: "service-connect ingress \(task.name):\(port)")
  }

  override var groupName: String { task.groupName }
  override var nodeKind: TopologyNode.Kind { task.nodeKind }

  /// The endpoint whose settings (protocol, timeouts, TLS) the listener uses.
  var endpoint: ServiceConnectEndpoint { endpoints[0] }

  override func handleRequest(_ e: Int32, in world: World) {
    let caller = world.actors[Int(world.exchanges[e].caller)]
    if world.isTraced(e) {
      let names = endpoints.map(\.discoveryName).joined(separator: ", ")
      let tls = endpoint.tlsAuthority.map { ", TLS with a certificate from \($0)" } ?? ""
      world.note(
        e, label, .received,
        "server listener :\(port) (\(names)) → application container '\(endpoint.containerName)' on :\(endpoint.containerPort)\(tls)"
      )
    }
    if endpoint.tlsAuthority != nil, !(caller is ServiceConnectProxyActor) {
      world.note(
        e, label, .failed,
        "the listener expects TLS from a Service Connect proxy; a plaintext client fails the handshake and the connection closes"
      )
      world.reply(e, .failure(.tlsHandshakeFailed))
      return
    }
    let timeout = endpoint.requestTimeout?.limit ?? .hours(24)
    world.deliverLocally(
      from: task.interface, caller: id, to: task.id, head: world.exchanges[e].head, parent: e,
      request: world.exchanges[e].request, timeout: timeout)
  }

  override func handleResponse(_ child: Int32, in world: World) {
    // The application's exchange read through one checked slot address, field by field (no
    // copy of the whole exchange).
    let upstream = world.exchanges.slot(child)
    let e = upstream.pointee.parent
    guard world.isWaiting(e, generation: upstream.pointee.parentGeneration) else { return }
    var response = upstream.pointee.response
    let http = endpoint.appProtocol.isHTTP
    if response.status == 0 && !response.disposition.isSuccess {
      if response.disposition == .timedOut, let timeout = endpoint.requestTimeout {
        if http && timeout.kind == .perRequest {
          world.note(
            e, label, .answered,
            "the application did not answer within \(timeout.limit): answers 504")
          response = .localReply(504, .timedOut)
        } else {
          world.note(e, label, .answered, "connection idle for \(timeout.limit): closes it")
        }
      } else if http {
        world.note(
          e, label, .answered,
          "the application closed the connection (\(response.disposition.rawValue)): answers 503")
        response = Response(
          status: 503, disposition: response.disposition, originTask: task.taskCode,
          originService: task.serviceCode)
      }
    } else {
      world.note(e, label, .returned, "passes the application's answer \(response.status) back")
    }
    world.reply(e, response, after: world.model.settings.proxy)
  }
}
