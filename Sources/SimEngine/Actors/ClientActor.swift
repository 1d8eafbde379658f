import NetworkModel
import RouteMatching
import SimKernel

/// Sends the requests of one traffic stream and records where each ended. It stands on the
/// interface of its origin: an internet or subnet client, or a task of the sending service
/// (so it uses that task's DNS cache, hosts file and sidecar).
public final class ClientActor: SimActor {
  public let stream: Int
  var roundRobin = 0
  let origin: String
  let originKind: TrafficStream.Origin

  public init(stream: Int, model: NetworkModel) {
    self.stream = stream
    self.originKind = model.traffic[stream].origin
    switch model.traffic[stream].origin {
    case .client(let client): origin = model.clients[client].name
    case .service(let service), .task(let service, _): origin = model.services[service].name
    case .standaloneTask(let index, _): origin = model.standaloneTasks[index].name
    }
    super.init(name: "traffic \(model.traffic[stream].name)")
  }

  public override var groupName: String { origin }

  public override var nodeKind: TopologyNode.Kind {
    if case .client = originKind { return .client }
    return .service
  }

  /// Starts request `index` of the stream.
  func send(index: Int, in world: World) {
    let stream = world.model.traffic[self.stream]
    world.statistics[self.stream].sent += 1
    let trace = world.traces.begin(stream: self.stream, index: index, streamName: stream.name, method: stream.method,
                                   url: stream.url, at: world.now)
    let request = world.requests.open(.init(stream: Int32(self.stream), index: Int32(index), startedAt: world.now,
                                            trace: trace, isOpen: true))
    guard let (interface, label) = originInterface(in: world) else {
      world.complete(request: request, response: .failure(.hostUnreachable))
      return
    }
    guard var head = RequestHead(method: stream.method, url: world.expandURL(stream.url), headers: HTTPHeaders(stream.headers)) else {
      world.complete(request: request, response: .failure(.dnsNameNotFound))
      return
    }
    let urlHost = head.host
    if let host = head.headers.value(for: "host") {
      head.host = host.split(separator: ":").first.map(String.init) ?? host
    }
    if trace >= 0 {
      world.traces.append(Int(trace), TraceStep(time: world.now, actor: world.interfaces[Int(interface)].label, kind: .sent,
                                                detail: "\(label) sends \(stream.method) \(head.scheme)://\(urlHost):\(head.port)\(head.target)"
                                                  + (urlHost == head.host ? "" : " (Host: \(head.host))")))
    }
    world.call(from: interface, caller: id, head: head, parent: -1, request: request, timeout: stream.timeout,
               callerContext: Int64(request), connectHost: urlHost == head.host ? nil : urlHost)
  }

  /// The interface the stream's requests leave from, and how traces name it.
  func originInterface(in world: World) -> (Int32, String)? {
    switch world.model.traffic[stream].origin {
    case .client(let client):
      let interface = world.clientInterfaces[client]
      return (interface, "client \(world.model.clients[client].name)")
    case .service(let service):
      let running = world.ecs.runningTasks(of: service)
      guard !running.isEmpty else { return nil }
      roundRobin += 1
      let task = running[(roundRobin - 1) % running.count]
      return (task.interface, task.name)
    case .task(let service, let ordinal):
      guard let task = world.ecs.task(service: service, ordinal: ordinal), task.state == .running else { return nil }
      return (task.interface, task.name)
    case .standaloneTask(let index, let ordinal):
      guard let task = world.ecs.task(service: -1 - index, ordinal: ordinal), task.state == .running else { return nil }
      return (task.interface, task.name)
    }
  }

  public override func handleResponse(_ e: Int32, in world: World) {
    let exchange = world.exchanges[e]
    if world.isTraced(e) {
      let response = exchange.response
      world.note(e, "traffic \(world.model.traffic[stream].name)", .returned,
                 response.status > 0 ? "client receives \(response.status)" : "client sees no HTTP answer (\(response.disposition.rawValue))")
    }
    world.complete(request: exchange.request, response: exchange.response)
  }
}
