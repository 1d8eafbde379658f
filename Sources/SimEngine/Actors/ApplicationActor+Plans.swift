import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

/// What a request needs of an application's plan, copied out of `ApplicationBehavior.Plan`
/// once so that the per-request path reads plain values (no strings, no reference counting).
struct PlanFacts {
  var status: Int
  var failStatus: Int
  var failRatio: Ratio
  var failFor: SimDuration?
  var setFault: Int?
  var clearFault: Bool
  var latency: BehaviorSpec.Latency
  var resetConnection: Bool
  /// nginx `proxy_pass`: the answer is the upstream's.
  var proxies: Bool
  var callCount: Int
  /// Whether the work ends with an upstream request (a proxy pass or calls).
  var hasUpstream: Bool { proxies || callCount > 0 }
  /// The status of the answer when nothing of chance, time or fault state can change it (no
  /// failure ratio or window, no fault set or cleared): then only a fault set earlier by another
  /// plan overrides it. Nil otherwise.
  var fixedStatus: Int?

  /// `CompiledBehavior.bodies` before the body has been interned.
  static let bodyUnknown = Int32.min

  init(_ plan: ApplicationBehavior.Plan) {
    status = plan.status
    failStatus = plan.failStatus
    failRatio = plan.failRatio
    failFor = plan.failFor
    setFault = plan.setFault
    clearFault = plan.clearFault
    latency = plan.latency
    resetConnection = plan.resetConnection
    proxies = plan.proxyPass != nil
    callCount = plan.calls.count
    let fixed = plan.failRatio.isZero && plan.failFor == nil && plan.setFault == nil && !plan.clearFault
    fixedStatus = fixed ? plan.status : nil
  }
}

/// How an upstream URL (a proxy pass or a call) turns into a request head. A URL without
/// `{{…}}` placeholders parses the same way every time, so it is parsed once into a template.
struct UpstreamTemplate {
  enum State { case unknown, dynamic, fixed, malformed }
  var state = State.unknown
  /// The parsed head (for `.fixed`).
  var head = RequestHead(method: "", scheme: "", host: "", port: 0, path: "")
  /// nginx passes the incoming path and query on (a proxy pass without a URI).
  var keepsPath = false
  var timeout = SimDuration.zero
}

/// A plan of an application: which behaviour (index in `ApplicationActor.compiled`) and which
/// of its plans (path rules in order, then the default plan).
struct PlanRef {
  var behavior: Int
  var slot: Int
}

/// One behaviour prepared for the per-request path: its rules' path matchers, each plan's
/// facts, and caches filled on first use (interned bodies, upstream templates, the last path).
struct CompiledBehavior {
  let behavior: ApplicationBehavior
  let rulePaths: ContiguousArray<PathMatch>
  /// Facts by plan slot: the path rules in order, then the default plan.
  let facts: [PlanFacts]
  /// Each plan's interned body (`PlanFacts.bodyUnknown` until first used; -1: none).
  var bodies: [Int32]
  /// Upstream templates by `slot * upstreamStride + call + 1` (call -1: the proxy pass).
  var upstream: [UpstreamTemplate]
  let upstreamStride: Int
  var lastPath: String?
  var lastSlot = 0

  init(_ behavior: ApplicationBehavior) {
    self.behavior = behavior
    var facts: [PlanFacts] = []
    var paths = ContiguousArray<PathMatch>()
    var mostCalls = behavior.plan.calls.count
    for rule in behavior.rules {
      facts.append(PlanFacts(rule.plan))
      paths.append(rule.path)
      mostCalls = max(mostCalls, rule.plan.calls.count)
    }
    facts.append(PlanFacts(behavior.plan))
    self.facts = facts
    self.rulePaths = paths
    self.bodies = Array(repeating: PlanFacts.bodyUnknown, count: facts.count)
    self.upstreamStride = mostCalls + 1
    self.upstream = Array(repeating: UpstreamTemplate(), count: facts.count * (mostCalls + 1))
  }

  /// The plan slot for `path` when no matching is needed (the same path as last time); nil
  /// otherwise. A read only: the caller's array of behaviours is not written (nor checked for
  /// uniqueness) on the common path. Behaviours without path rules never get here (`planRef`).
  @inline(__always)
  func knownSlot(for path: String) -> Int? {
    if let lastPath, lastPath == path { return lastSlot }
    return nil
  }

  /// The plan slot for a request path: the first matching path rule, else the default plan.
  @inline(__always)
  mutating func slot(for path: String) -> Int {
    let rules = rulePaths.count
    if rules == 0 { return 0 }
    if let lastPath, lastPath == path { return lastSlot }
    let slot = rulePaths.withUnsafeBufferPointer { matchers in
      var index = 0
      while index < rules && !matchers[index].matches(path) { index += 1 }
      return index
    }
    lastPath = path
    lastSlot = slot
    return slot
  }

  /// The full plan of a slot.
  func plan(at slot: Int) -> ApplicationBehavior.Plan {
    slot < behavior.rules.count ? behavior.rules[slot].plan : behavior.plan
  }
}

extension ApplicationActor {
  /// Recompiles the port behaviours after `portBehaviors` changed.
  func compilePortBehaviors() {
    compiled.removeSubrange(1...)
    compiledByPort = [:]
    lastPort = -1
    for port in portBehaviors.keys.sorted() {
      compiled.append(CompiledBehavior(portBehaviors[port]!))
      compiledByPort[port] = compiled.count - 1
    }
  }

  /// The plan for exchange `e`: the behaviour of the container owning its port, by path.
  @inline(__always)
  func planRef(for e: Int32, in world: World) -> PlanRef {
    var index = 0
    if !compiledByPort.isEmpty {
      let port = world.exchanges[e].head.port
      if port == lastPort {
        index = lastCompiled
      } else {
        index = compiledByPort[port] ?? 0
        lastPort = port
        lastCompiled = index
      }
    }
    // Without path rules the path is not read at all (no string retained).
    if compiled[index].rulePaths.isEmpty { return PlanRef(behavior: index, slot: 0) }
    let path = world.exchanges[e].head.path
    if let known = compiled[index].knownSlot(for: path) { return PlanRef(behavior: index, slot: known) }
    return PlanRef(behavior: index, slot: compiled[index].slot(for: path))
  }

  /// The full plan a reference names.
  func plan(at plan: PlanRef) -> ApplicationBehavior.Plan { compiled[plan.behavior].plan(at: plan.slot) }

  /// Answers with the plan's own status and body, or its failure status (by chance, within
  /// its failure window, or while a fault it or another plan set is on).
  func answer(_ e: Int32, plan: PlanRef, after delay: SimDuration, in world: World) {
    let facts = compiled[plan.behavior].facts[plan.slot]
    var status = facts.status
    if !facts.failRatio.isZero && world.randomSource(id).pointee.chance(facts.failRatio) { status = facts.failStatus }
    if let window = facts.failFor, world.now - world.requests[world.exchanges[e].request].startedAt < window {
      status = facts.failStatus
    }
    if facts.clearFault {
      faultStatus = nil
    } else if let fault = facts.setFault {
      faultStatus = fault
    } else if let fault = faultStatus {
      status = fault
    }
    reply(e, status: status, body: body(of: plan, in: world), after: delay, in: world)
  }

  /// The body a plan answers with: its own (interned on first use) or the actor's default.
  @inline(__always)
  func body(of plan: PlanRef, in world: World) -> Int32 {
    var body = compiled[plan.behavior].bodies[plan.slot]
    if body == PlanFacts.bodyUnknown {
      body = self.plan(at: plan).body.map { world.bodies.intern($0) } ?? -1
      compiled[plan.behavior].bodies[plan.slot] = body
    }
    return body < 0 ? defaultBody : body
  }

  /// Makes the next call of the plan, or answers once all calls are done.
  func nextCall(_ e: Int32, plan: PlanRef, in world: World) {
    let index = Int(world.exchanges[e].calleeContext)
    guard index < compiled[plan.behavior].facts[plan.slot].callCount else {
      answer(e, plan: plan, after: .zero, in: world)
      return
    }
    startUpstream(e, plan: plan, call: index, in: world)
  }

  /// Opens the upstream exchange for call `call` of the plan (-1: its proxy pass), exactly as
  /// `startUpstream(_:url:method:headers:timeout:keepPath:in:)` would.
  func startUpstream(_ e: Int32, plan: PlanRef, call: Int, in world: World) {
    let index = plan.slot * compiled[plan.behavior].upstreamStride + call + 1
    switch compiled[plan.behavior].upstream[index].state {
    case .unknown:
      compiled[plan.behavior].upstream[index] = upstreamTemplate(plan: plan, call: call)
      startUpstream(e, plan: plan, call: call, in: world)
    case .dynamic:
      let full = self.plan(at: plan)
      if call < 0 {
        startUpstream(e, url: full.proxyPass!, method: world.exchanges[e].head.method, headers: [],
                      timeout: behavior.upstreamTimeout, keepPath: true, in: world)
      } else {
        let spec = full.calls[call]
        startUpstream(e, url: spec.url, method: spec.method, headers: spec.headers,
                      timeout: spec.timeout ?? behavior.upstreamTimeout, keepPath: false, in: world)
      }
    case .malformed:
      world.reply(e, Response(status: 502, disposition: .dnsNameNotFound, originTask: taskCode, originService: serviceCode))
    case .fixed:
      var head = compiled[plan.behavior].upstream[index].head
      if call < 0 { head.method = world.exchanges[e].head.method }
      if compiled[plan.behavior].upstream[index].keepsPath {
        head.path = world.exchanges[e].head.path
        head.query = world.exchanges[e].head.query
        if !world.exchanges[e].head.headers.isEmpty {
          for (name, value) in world.exchanges[e].head.headers.pairs where name.lowercased() != "host" { head.headers.add(name, value) }
        }
      }
      if world.isTraced(e) {
        let full = self.plan(at: plan)
        world.note(e, name, .sent, call < 0 ? "\(head.method) \(full.proxyPass!)" : "\(full.calls[call].method) \(full.calls[call].url)")
      }
      world.call(from: interface, caller: id, head: head, parent: e, request: world.exchanges[e].request,
                 timeout: compiled[plan.behavior].upstream[index].timeout)
    }
  }

  /// Parses the upstream URL of a call (-1: the proxy pass) once, when it has no placeholders.
  func upstreamTemplate(plan: PlanRef, call: Int) -> UpstreamTemplate {
    let full = self.plan(at: plan)
    let url = call < 0 ? full.proxyPass! : full.calls[call].url
    var template = UpstreamTemplate()
    if url.contains("{{") {
      template.state = .dynamic
      return template
    }
    let method = call < 0 ? "GET" : full.calls[call].method
    let headers = call < 0 ? [] : full.calls[call].headers
    template.timeout = call < 0 ? behavior.upstreamTimeout : full.calls[call].timeout ?? behavior.upstreamTimeout
    guard let head = RequestHead(method: method, url: url, headers: HTTPHeaders(headers)) else {
      template.state = .malformed
      return template
    }
    template.state = .fixed
    template.keepsPath = call < 0 && (head.path == "/" && !url.hasSuffix("/") || url.split(separator: "/").count <= 2)
    template.head = head
    return template
  }
}
