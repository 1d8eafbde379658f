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
  var latency: BehaviorSpec.Latency
  var resetConnection: Bool
  /// nginx `proxy_pass`: the answer is the upstream's.
  var proxies: Bool
  var callCount: Int
  /// Whether the work ends with an upstream request (a proxy pass or calls).
  var hasUpstream: Bool { proxies || callCount > 0 }

  /// `ApplicationActor.planBodies` before the body has been interned.
  static let bodyUnknown = Int32.min

  init(_ plan: ApplicationBehavior.Plan) {
    status = plan.status
    failStatus = plan.failStatus
    failRatio = plan.failRatio
    latency = plan.latency
    resetConnection = plan.resetConnection
    proxies = plan.proxyPass != nil
    callCount = plan.calls.count
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

extension ApplicationActor {
  /// The plan slot for a request path: the first matching path rule, else the default plan
  /// (slot `behavior.rules.count`).
  @inline(__always)
  func planSlot(for path: String) -> Int {
    let rules = rulePaths.count
    if rules == 0 { return 0 }
    if let lastPlanPath, lastPlanPath == path { return lastPlanSlot }
    let slot = rulePaths.withUnsafeBufferPointer { matchers in
      var index = 0
      while index < rules && !matchers[index].matches(path) { index += 1 }
      return index
    }
    lastPlanPath = path
    lastPlanSlot = slot
    return slot
  }

  /// The full plan of a slot.
  func plan(at slot: Int) -> ApplicationBehavior.Plan {
    slot < behavior.rules.count ? behavior.rules[slot].plan : behavior.plan
  }

  /// Answers with the plan's own status and body (or its failure status, by chance); the same
  /// as `answer(_:plan:after:in:)` for the plan in `slot`.
  func answer(_ e: Int32, slot: Int, after delay: SimDuration, in world: World) {
    let facts = planFacts[slot]
    var status = facts.status
    if !facts.failRatio.isZero && world.randomSource(id).pointee.chance(facts.failRatio) { status = facts.failStatus }
    var body = planBodies[slot]
    if body == PlanFacts.bodyUnknown {
      body = plan(at: slot).body.map { world.bodies.intern($0) } ?? -1
      planBodies[slot] = body
    }
    if body < 0 { body = defaultBody }
    if world.isTraced(e) {
      world.note(e, name, .answered, "answers \(status)" + (world.bodies.string(body).map { " \"\($0)\"" } ?? "")
                 + (delay > .zero ? " after \(delay)" : ""))
    }
    world.reply(e, Response(status: status, disposition: .delivered, originTask: taskCode, originService: serviceCode, body: body),
                after: delay)
  }

  /// Makes the next call of the plan in `slot`, or answers once all calls are done.
  func nextCall(_ e: Int32, slot: Int, in world: World) {
    let index = Int(world.exchanges[e].calleeContext)
    guard index < planFacts[slot].callCount else {
      answer(e, slot: slot, after: .zero, in: world)
      return
    }
    startUpstream(e, slot: slot, call: index, in: world)
  }

  /// Opens the upstream exchange for call `call` of the plan in `slot` (-1: its proxy pass),
  /// exactly as `startUpstream(_:url:method:headers:timeout:keepPath:in:)` would.
  func startUpstream(_ e: Int32, slot: Int, call: Int, in world: World) {
    let index = slot * upstreamStride + call + 1
    switch upstreamTemplates[index].state {
    case .unknown:
      upstreamTemplates[index] = upstreamTemplate(slot: slot, call: call)
      startUpstream(e, slot: slot, call: call, in: world)
    case .dynamic:
      let plan = plan(at: slot)
      if call < 0 {
        startUpstream(e, url: plan.proxyPass!, method: world.exchanges[e].head.method, headers: [],
                      timeout: behavior.upstreamTimeout, keepPath: true, in: world)
      } else {
        let spec = plan.calls[call]
        startUpstream(e, url: spec.url, method: spec.method, headers: spec.headers,
                      timeout: spec.timeout ?? behavior.upstreamTimeout, keepPath: false, in: world)
      }
    case .malformed:
      world.reply(e, Response(status: 502, disposition: .dnsNameNotFound, originTask: taskCode, originService: serviceCode))
    case .fixed:
      var head = upstreamTemplates[index].head
      if call < 0 { head.method = world.exchanges[e].head.method }
      if upstreamTemplates[index].keepsPath {
        head.path = world.exchanges[e].head.path
        head.query = world.exchanges[e].head.query
        if !world.exchanges[e].head.headers.isEmpty {
          for (name, value) in world.exchanges[e].head.headers.pairs where name.lowercased() != "host" { head.headers.add(name, value) }
        }
      }
      if world.isTraced(e) {
        let plan = plan(at: slot)
        world.note(e, name, .sent, call < 0 ? "\(head.method) \(plan.proxyPass!)" : "\(plan.calls[call].method) \(plan.calls[call].url)")
      }
      world.call(from: interface, caller: id, head: head, parent: e, request: world.exchanges[e].request,
                 timeout: upstreamTemplates[index].timeout)
    }
  }

  /// Parses the upstream URL of a call (-1: the proxy pass) once, when it has no placeholders.
  func upstreamTemplate(slot: Int, call: Int) -> UpstreamTemplate {
    let plan = plan(at: slot)
    let url = call < 0 ? plan.proxyPass! : plan.calls[call].url
    var template = UpstreamTemplate()
    if url.contains("{{") {
      template.state = .dynamic
      return template
    }
    let method = call < 0 ? "GET" : plan.calls[call].method
    let headers = call < 0 ? [] : plan.calls[call].headers
    template.timeout = call < 0 ? behavior.upstreamTimeout : plan.calls[call].timeout ?? behavior.upstreamTimeout
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
