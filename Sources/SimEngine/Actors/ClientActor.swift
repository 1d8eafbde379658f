import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// Sends the requests of one traffic stream and records where each ended. It stands on the
/// interface of its origin: an internet or subnet client, or a task of the sending service
/// (so it uses that task's DNS cache, hosts file and sidecar).
public final class ClientActor: SimActor {
  public let stream: Int
  var roundRobin = 0
  let origin: String
  let originKind: TrafficStream.Origin
  /// The stream's request count, arrival process, mean gap between requests and timeout, kept
  /// from the model (which does not change during a run): read per request without a look into
  /// the model's traffic list.
  let count: Int
  let arrival: TrafficSpec.Arrival
  let interval: SimDuration
  let timeout: SimDuration

  public init(stream: Int, model: NetworkModel) {
    self.stream = stream
    self.originKind = model.traffic[stream].origin
    count = model.traffic[stream].count
    arrival = model.traffic[stream].arrival
    interval = model.traffic[stream].interval
    timeout = model.traffic[stream].timeout
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

  /// A request ready to send: its head (the URL with its placeholders expanded, and the `Host`
  /// header, if any, as the host), the URL's own host, and the host to connect to when the Host
  /// header names another. A named struct rather than a tuple: copying it is a few retains, not
  /// a generic tuple copy through type metadata.
  struct PreparedRequest {
    var head: RequestHead
    var urlHost: String
    var connectHost: String?
  }

  /// The stream's request, parsed once when its URL has no `{{…}}` placeholder (those name
  /// task addresses, which change, so they are expanded and parsed per request).
  private var fixedRequest: PreparedRequest?
  private var fixedRequestChecked = false

  /// Starts request `index` of the stream (which the caller has counted as sent).
  /// Inlined into its one caller, the traffic generator's firing of the next request.
  @inline(__always)
  func send(index: Int, in world: World) {
    let trace = !world.traces.selects(stream: self.stream, index: index) ? -1
      : world.traces.begin(stream: self.stream, index: index, streamName: world.model.traffic[self.stream].name,
                           method: world.model.traffic[self.stream].method, url: world.model.traffic[self.stream].url,
                           at: world.now)
    let request = world.requests.open(.init(stream: Int32(self.stream), index: Int32(index), startedAt: world.now,
                                            trace: trace, isOpen: true))
    guard let (interface, task) = originInterface(in: world) else {
      world.complete(request: request, response: .failure(.hostUnreachable))
      return
    }
    if fixedRequest == nil {
      // The first request, or a URL with placeholders (or a malformed one): parsed now.
      guard let parsed = prepareRequest(in: world) else {
        world.complete(request: request, response: .failure(.dnsNameNotFound))
        return
      }
      send(parsed.head, urlHost: parsed.urlHost, connectHost: parsed.connectHost, request: request, trace: trace,
           from: interface, task: task, in: world)
      return
    }
    // The fixed request is read field by field: copying a whole `PreparedRequest` out of the
    // optional (and destroying it) costs more than the head alone.
    // Without a separate host to connect to (the usual case), no optional string is passed on.
    if fixedRequest.unsafelyUnwrapped.connectHost == nil {
      send(fixedRequest.unsafelyUnwrapped.head, urlHost: nil, connectHost: nil, request: request, trace: trace,
           from: interface, task: task, in: world)
    } else {
      send(fixedRequest.unsafelyUnwrapped.head, urlHost: nil, connectHost: fixedRequest.unsafelyUnwrapped.connectHost,
           request: request, trace: trace, from: interface, task: task, in: world)
    }
  }

  /// Sends request `request` with `head` from `interface` (the last step of `send(index:in:)`).
  /// `urlHost` is the URL's own host for the trace (nil: the fixed request's).
  private func send(_ head: consuming RequestHead, urlHost: String?, connectHost: String?, request: Int32, trace: Int32,
                    from interface: Int32, task: Unmanaged<TaskActor>?, in world: World) {
    if trace >= 0 { noteSent(head, urlHost: urlHost, trace: trace, from: interface, task: task, in: world) }
    world.call(from: interface, caller: id, head: head, parent: -1, request: request,
               timeout: timeout, callerContext: Int64(request),
               connectHost: connectHost)
  }

  /// Adds the "sends" step to trace `trace` (traced requests only). Out of line: the text is
  /// built for few requests, and building it inline in each of `send`'s three uses made the
  /// traffic generator's frame several times bigger.
  @inline(never)
  private func noteSent(_ head: borrowing RequestHead, urlHost: String?, trace: Int32, from interface: Int32,
                        task: Unmanaged<TaskActor>?, in world: World) {
    let urlHost = urlHost ?? fixedRequest?.urlHost ?? head.host
    let stream = world.model.traffic[self.stream]
    let label = task?.takeUnretainedValue().name ?? originLabel(in: world)
    world.traces.append(Int(trace), TraceStep(time: world.now, actor: world.interfaces[Int(interface)].label, kind: .sent,
                                              detail: "\(label) sends \(stream.method) \(head.scheme)://\(urlHost):\(head.port)\(head.target)"
                                                + (urlHost == head.host ? "" : " (Host: \(head.host))")))
  }

  /// Parses the next request of the stream (see `PreparedRequest`), and keeps it as the fixed
  /// request when the URL has no placeholder; nil when the URL is malformed.
  func prepareRequest(in world: World) -> PreparedRequest? {
    let stream = world.model.traffic[self.stream]
    guard var head = RequestHead(method: stream.method, url: world.expandURL(stream.url), headers: HTTPHeaders(stream.headers)) else {
      return nil
    }
    let urlHost = head.host
    if let host = head.headers.value(for: "host") {
      head.host = host.split(separator: ":").first.map(String.init) ?? host
    }
    let parsed = PreparedRequest(head: head, urlHost: urlHost, connectHost: urlHost == head.host ? nil : urlHost)
    if !fixedRequestChecked {
      fixedRequestChecked = true
      if !stream.url.contains("{{") { fixedRequest = sharingHosts(parsed, in: world) }
    }
    return parsed
  }

  /// `request` with its host names replaced by the world's shared copies (`World.sharedHostName`).
  /// Equal strings in one buffer compare by identity: streams sending to the same host from one
  /// interface then hit its resolver memo (`DNSCache.memoizedCount`) without comparing the name
  /// byte by byte.
  func sharingHosts(_ request: PreparedRequest, in world: World) -> PreparedRequest {
    var request = request
    request.head.host = world.sharedHostName(request.head.host)
    request.urlHost = world.sharedHostName(request.urlHost)
    request.connectHost = request.connectHost.map { world.sharedHostName($0) }
    return request
  }

  /// The fixed request (nil before the first request, or when the URL has placeholders).
  var fixedPreparedRequest: PreparedRequest? { fixedRequest }

  /// How traces name a client origin.
  func originLabel(in world: World) -> String {
    if case .client(let client) = world.model.traffic[stream].origin { return "client \(world.model.clients[client].name)" }
    return origin
  }

  /// The interface the stream's requests leave from, and the task it belongs to (nil for a
  /// client; unretained, as the ECS plane holds its tasks, so that a client's request destroys
  /// no optional reference).
  @inline(__always)
  func originInterface(in world: World) -> (Int32, Unmanaged<TaskActor>?)? {
    // `originKind` is the stream's origin, kept here: no look into the model per request.
    switch originKind {
    case .client(let client):
      return (world.clientInterfaces[client], nil)
    case .service(let service):
      let running = world.ecs.runningTasks(of: service)
      guard !running.isEmpty else { return nil }
      roundRobin += 1
      let task = running[(roundRobin - 1) % running.count]
      return (task.interface, Unmanaged.passUnretained(task))
    case .task(let service, let ordinal):
      guard let task = world.ecs.task(service: service, ordinal: ordinal), task.state == .running else { return nil }
      return (task.interface, Unmanaged.passUnretained(task))
    case .standaloneTask(let index, let ordinal):
      guard let task = world.ecs.task(service: -1 - index, ordinal: ordinal), task.state == .running else { return nil }
      return (task.interface, Unmanaged.passUnretained(task))
    }
  }

  public override func handleResponse(_ e: Int32, in world: World) {
    // Read through one checked slot address (noting opens no exchange, so it stays valid).
    let exchange = world.exchanges.slot(e)
    let response = exchange.pointee.response
    if world.isTraced(e) {
      world.note(e, "traffic \(world.model.traffic[stream].name)", .returned,
                 response.status > 0 ? "client receives \(response.status)" : "client sees no HTTP answer (\(response.disposition.rawValue))")
    }
    world.complete(request: exchange.pointee.request, response: response)
  }
}
