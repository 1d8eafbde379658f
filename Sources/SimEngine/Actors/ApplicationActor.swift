import NetworkModel
import ScenarioFormat
import RouteMatching
import SimKernel

/// A simulated application (a container's process, or an external endpoint): it works on each
/// request for its service time, then answers, proxies (nginx `proxy_pass`) or calls other URLs
/// and answers. With a `concurrency` limit requests wait in FIFO order.
///
/// The behaviours are compiled once (`CompiledBehavior`): a request looks its plan up by port
/// and path and reads plain values, with no copy of the behaviour's strings and arrays.
open class ApplicationActor: SimActor {
  public let behavior: ApplicationBehavior
  /// Behaviours of other containers of the task, by the port they map (a request is answered by
  /// the container that owns the port it arrived on).
  public var portBehaviors: [Int: ApplicationBehavior] = [:] { didSet { compilePortBehaviors() } }
  /// Status a `setFault` rule made the application answer with, until a `clearFault` rule.
  public var faultStatus: Int?
  /// Interface the application's outbound calls leave from.
  public var interface: Int32 = -1
  /// Service reported as the answerer (ECS service index, or external encoded by `Response`).
  public var serviceCode: Int32
  /// Task reported as the answerer (-1 for external endpoints).
  public var taskCode: Int32 = -1
  public var defaultBody: Int32 = -1
  /// When each server of a concurrency-limited application becomes free (none: unlimited).
  /// Memory the actor owns rather than an array, so that taking a server is a plain store
  /// (no copy-on-write check per request).
  let serverFreeAt: UnsafeMutableBufferPointer<SimTime>
  static let workDoneKind = 1
  /// `behavior` compiled (index 0), then each distinct port behaviour.
  var compiled: [CompiledBehavior]
  /// Port → index in `compiled` (ports without their own behaviour use index 0).
  var compiledByPort: [Int: Int] = [:]
  /// The last port looked up and its index in `compiled`.
  var lastPort = -1
  var lastCompiled = 0

  public init(name: String, behavior: ApplicationBehavior, serviceCode: Int32) {
    self.behavior = behavior
    self.serviceCode = serviceCode
    self.serverFreeAt = .allocate(capacity: behavior.concurrency ?? 0)
    self.serverFreeAt.initialize(repeating: .zero)
    self.compiled = [CompiledBehavior(behavior)]
    super.init(name: name)
  }

  deinit { serverFreeAt.deallocate() }

  open override func handleRequest(_ e: Int32, in world: World) {
    noteReceived(e, in: world)
    serve(e, in: world)
  }

  /// Records the request's arrival in its trace (traced requests only).
  @inline(__always)
  final func noteReceived(_ e: Int32, in world: World) {
    if world.isTraced(e) { noteTracedArrival(e, in: world) }
  }

  /// `noteReceived` for a traced request, out of line: the text is built for few requests, and
  /// building it inline would make every request's frame bigger.
  @inline(never)
  final func noteTracedArrival(_ e: Int32, in world: World) {
    let head = world.exchanges[e].head
    world.note(e, name, .received, "\(head.method) \(head.target) (Host: \(head.host))")
  }

  /// Works on an accepted request: its plan's service time (waiting for a free server when
  /// concurrency is limited), then the answer or the upstream work. Not overridable: `TaskActor`
  /// calls it directly once it has decided to take the request.
  @inline(__always)
  final func serve(_ e: Int32, in world: World) {
    let plan = planRef(for: e, in: world)
    // Only the facts read below are copied out (the others are read again, by `answer`, for a
    // plan whose status is not fixed).
    let facts = compiled[plan.behavior].facts[plan.slot]
    if facts.resetConnection {
      world.note(e, name, .failed, "application resets the connection")
      world.reply(e, .failure(.connectionRefused))
      return
    }
    let work = serviceTime(facts.latency, in: world)
    var start = world.now
    if !serverFreeAt.isEmpty {
      var server = 0
      // The first server free soonest (none to compare with when there is one).
      var index = 1
      while index < serverFreeAt.count {
        if serverFreeAt[index] < serverFreeAt[server] { server = index }
        index += 1
      }
      start = max(start, serverFreeAt[server])
      serverFreeAt[server] = start + work
    }
    let done = start + work - world.now
    if facts.hasUpstream {
      let tag = TimerTag(kind: ApplicationActor.workDoneKind, exchange: e, generation: world.exchanges[e].generation)
      world.startTimer(id, after: done, for: tag)
      world.exchanges[e].calleeContext = 0
      return
    }
    if let status = facts.fixedStatus {
      reply(e, status: faultStatus ?? status, body: body(of: plan, in: world), after: done, in: world)
    } else {
      answer(e, plan: plan, after: done, in: world)
    }
  }

  func serviceTime(_ latency: BehaviorSpec.Latency, in world: World) -> SimDuration {
    switch latency {
    case .fixed(let value): return value
    case .exponential(let mean): return world.randomSource(id).pointee.exponential(mean: mean)
    }
  }

  /// Sends the application's answer (the last step of `answer`).
  func reply(_ e: Int32, status: Int, body: Int32, after delay: SimDuration, in world: World) {
    if world.isTraced(e) {
      world.note(e, name, .answered, "answers \(status)" + (world.bodies.string(body).map { " \"\($0)\"" } ?? "")
                 + (delay > .zero ? " after \(delay)" : ""))
    }
    world.reply(e, Response(status: status, disposition: .delivered, originTask: taskCode, originService: serviceCode, body: body),
                after: delay, delayIsShared: false)
  }

  open override func handleTimer(_ tag: Int64, in world: World) {
    let timer = TimerTag(tag)
    guard timer.kind == ApplicationActor.workDoneKind, timer.isCurrent(in: world) else { return }
    let e = timer.exchange
    let plan = planRef(for: e, in: world)
    if compiled[plan.behavior].facts[plan.slot].proxies {
      startUpstream(e, plan: plan, call: -1, in: world)
    } else {
      nextCall(e, plan: plan, in: world)
    }
  }

  /// Opens the upstream exchange for a proxy pass or a call.
  func startUpstream(_ e: Int32, url: String, method: String, headers: [(String, String)], timeout: SimDuration,
                     keepPath: Bool, in world: World) {
    let incoming = world.exchanges[e].head
    guard var head = RequestHead(method: method, url: world.expandURL(url), headers: HTTPHeaders(headers)) else {
      world.reply(e, Response(status: 502, disposition: .dnsNameNotFound, originTask: taskCode, originService: serviceCode))
      return
    }
    if keepPath && (head.path == "/" && !url.hasSuffix("/") || url.split(separator: "/").count <= 2) {
      // nginx: `proxy_pass http://host:port` without a URI passes the original path and query.
      head.path = incoming.path
      head.query = incoming.query
      for (name, value) in incoming.headers.pairs where name.lowercased() != "host" { head.headers.add(name, value) }
    }
    world.note(e, name, .sent, "\(method) \(url)")
    world.call(from: interface, caller: id, head: head, parent: e, request: world.exchanges[e].request, timeout: timeout)
  }

  open override func handleResponse(_ upstream: Int32, in world: World) {
    let parent = world.exchanges[upstream].parent
    guard world.isWaiting(parent, generation: world.exchanges[upstream].parentGeneration) else { return }
    let plan = planRef(for: parent, in: world)
    let response = world.exchanges[upstream].response
    if compiled[plan.behavior].facts[plan.slot].proxies {
      if response.disposition.isSuccess || response.status > 0 {
        // nginx passes any HTTP answer through, a proxy's own 503/504 included.
        world.note(parent, name, .returned, "passes the upstream answer \(response.status) back")
        world.reply(parent, response)
      } else {
        let status = response.disposition == .timedOut ? 504 : 502
        world.note(parent, name, .answered, "upstream failed (\(response.disposition.rawValue)): answers \(status)")
        world.reply(parent, Response(status: status, disposition: response.disposition, originTask: taskCode, originService: serviceCode))
      }
      return
    }
    if !response.disposition.isSuccess {
      world.note(parent, name, .answered, "call failed (\(response.disposition.rawValue)): answers 502")
      world.reply(parent, Response(status: 502, disposition: response.disposition, originTask: taskCode, originService: serviceCode))
      return
    }
    world.exchanges[parent].calleeContext += 1
    nextCall(parent, plan: plan, in: world)
  }
}
