import NetworkModel
import RouteMatching
import SimKernel

/// The simulated world: the event loop, the actors, the network and the run's observations.
///
/// Single-threaded by design: one `World` runs one seed. Actors read the shared configuration
/// (the model, DNS, security groups) and act on each other only by scheduling messages through
/// the verbs here (`call`, `connect`, `reply`, `startTimer`).
public final class World {
  public let model: NetworkModel
  public var simulation: Simulation<Message>
  public var actors: [SimActor] = [] {
    didSet {
      if actors.count == unretainedActors.count + 1 {
        unretainedActors.append(Unmanaged.passUnretained(actors[actors.count - 1]))
      } else {
        unretainedActors = ContiguousArray(actors.map { Unmanaged.passUnretained($0) })
      }
    }
  }
  /// `actors` without reference counting, for the event loop's calls: actors are only ever
  /// added (the array above keeps them alive for the whole run), so dispatching a message need
  /// not retain and release the actor each time.
  private var unretainedActors: ContiguousArray<Unmanaged<SimActor>> = []
  /// Each actor's own random stream, by actor id (a slab: drawing a number is a plain store,
  /// no copy-on-write check).
  let randomStreams = Slab<RandomSource>()
  public var exchanges = ExchangeTable()
  public var interfaces: [NetworkInterface] = []
  public var addressBook: [UInt32: Int32] = [:] { didSet { network.bump() } }
  /// Security groups as they are now (events change them).
  public var securityGroups: [SecurityGroup] { didSet { network.bump() } }
  /// Moves whenever something a connection depends on changes (see `NetworkVersion`).
  public let network = NetworkVersion()
  /// Recent successful connections, `ConnectionMemo.slotCount` slots per ENI (see
  /// `NetworkVersion`).
  var connectionMemos: ContiguousArray<ConnectionMemo> = []
  public var requests = RequestTable()
  public let statistics: StreamStatisticsTable
  public var traces: TraceRecorder
  public var bodies = StringInterner()
  /// Host names the clients send to, one copy each (see `sharedHostName`).
  var hostNames = StringInterner()
  public var timeline: [TimelineEntry] = []
  /// Requests carried from actor to actor, counted on every hop.
  public let edges = HopCounts()
  /// Requests carried from actor to actor: (caller << 32 | callee) → count (for reports).
  public var edgeCounts: [Int64: Int] { edges.counts }
  public var addressPlan: AddressPlan
  public var dnsAuthorities: [DNSAuthority] = []
  /// Handler for VPC Lattice's link-local range 169.254.171.0/24.
  public var linkLocalHandler: LinkLocalHandler? { didSet { network.bump() } }
  public var lifecycleObservers: [TaskLifecycleObserver] = []
  public var serviceCallHandlers: [ServiceCallHandler] = []
  public var tasks: [TaskActor] = []
  public var clientActors: [ClientActor] = []
  /// Interface of each model client (internet clients get a public address).
  public var clientInterfaces: [Int32] = []
  public var ecs: ECSControlPlane!
  public var cloudMap: CloudMapRegistry!
  public let limit: SimTime

  public init(model: NetworkModel, seed: UInt64, traceSelection: TraceSelection) {
    self.model = model
    self.simulation = Simulation(eventLimit: model.settings.eventLimit)
    self.securityGroups = model.securityGroups
    self.traces = TraceRecorder(selection: traceSelection)
    self.addressPlan = AddressPlan(model: model)
    self.seed = seed
    self.limit = model.settings.until.map { SimTime.zero + $0 } ?? SimTime(nanoseconds: .max)
    self.statistics = StreamStatisticsTable(model.traffic.enumerated().map { index, stream in
      StreamStatistics(stream: index, expectations: model.expectations.enumerated().filter { $0.element.traffic == index }.map(\.offset))
    })
  }

  public let seed: UInt64
  public var now: SimTime { simulation.now }

  // MARK: - Actors

  /// Adds an actor with its own random stream derived from its stable name.
  @discardableResult
  public func add<A: SimActor>(_ actor: A) -> A {
    actor.id = Int32(actors.count)
    actors.append(actor)
    let stream = randomStreams.allocate { _ in RandomSource(seed: seed, stream: actor.name) }
    precondition(stream == actor.id, "an actor's random stream has the actor's id")
    return actor
  }

  /// Draws from an actor's own random stream.
  @inline(__always)
  public func random(_ actor: Int32, below bound: Int) -> Int {
    Int(randomStreams[actor].nextInt(below: UInt64(bound)))
  }

  /// An actor's own random stream, to draw from in place right away (the address is valid until
  /// the next actor is added).
  public func randomSource(_ actor: Int32) -> UnsafeMutablePointer<RandomSource> {
    randomStreams.pointer(to: actor)
  }

  /// Long timers (a second or more: request and idle timeouts, health-check intervals) wait in
  /// the kernel's delay lanes, where many share a delay; the order of events is the same.
  public func startTimer(_ actor: Int32, after delay: SimDuration, tag: Int64) {
    scheduleTimer(.timerFired(tag: tag, actor: actor), after: delay)
  }

  /// Starts a timer about one exchange: it is dropped unrun once the exchange has been
  /// answered or its slot reused (`TimerTag.isCurrent`), so finished requests leave no timers
  /// behind to run, count or hold memory.
  public func startTimer(_ actor: Int32, after delay: SimDuration, for tag: TimerTag) {
    scheduleTimer(.exchangeTimerFired(tag: tag.raw, actor: actor), after: delay)
  }

  /// Long timers (`laneTimerThreshold` or more) wait in a delay lane, shorter ones in the heap.
  private func scheduleTimer(_ message: Message, after delay: SimDuration) {
    if delay >= World.laneTimerThreshold {
      scheduleInLane(message, after: delay)
    } else {
      simulation.schedule(message, after: delay)
    }
  }

  static let laneTimerThreshold = SimDuration.seconds(1)

  /// Schedules `message` in the kernel's FIFO lane for `delay`; a full lane first drops the
  /// events that became obsolete.
  @inline(__always)
  func scheduleInLane(_ message: Message, after delay: SimDuration) {
    // The world outlives the call: an unretained reference saves a retain and a release per
    // event checked.
    let world = Unmanaged.passUnretained(self)
    simulation.scheduleInLane(message, after: delay, compacting: { message in
      world._withUnsafeGuaranteedRef { $0.isObsolete(message) }
    })
  }

  /// Whether a pending event can no longer do anything: a hop, response or timeout of an
  /// exchange that has finished (its slot freed or reused), or a timer about an exchange that
  /// has been answered. Once true it stays true (generations only grow), which lets the kernel
  /// drop such events unrun (`Simulation.nextEvent(until:skipping:)`).
  @inline(__always)
  func isObsolete(_ message: Message) -> Bool {
    switch message {
    case .requestArrived(let e, let generation), .responseArrived(let e, let generation),
      .exchangeTimedOut(let e, let generation):
      // An exchange event names an exchange that was opened, and slots are never removed:
      // the index is in range without a check (this runs for every event and lane entry).
      let exchange = exchanges.slot(checked: e)
      return exchange.pointee.generation != generation || !exchange.pointee.isOpen
    case .exchangeTimerFired(let tag, _):
      return !TimerTag(tag).isCurrent(in: self)
    case .trafficDue, .timerFired, .scenarioEvent:
      return false
    }
  }

  // MARK: - Running

  /// Runs the scenario to completion (or to its time or event limit).
  public func run() {
    ecs.startInitialTasks(in: self)
    scheduleScenarioEventsAndTraffic()
    let world = Unmanaged.passUnretained(self)
    let isObsolete = { (message: Message) in world._withUnsafeGuaranteedRef { $0.isObsolete(message) } }
    while let message = simulation.nextEvent(until: limit, skipping: isObsolete) {
      simulation.mixIntoFingerprint(message.fingerprintWord)
      dispatch(message)
    }
    finishOpenRequests()
  }

  /// Schedules every scenario event and the first request of every traffic stream. Out of
  /// line: the event loop in `run()` is at the inliner's size limit.
  @inline(never)
  private func scheduleScenarioEventsAndTraffic() {
    for (index, event) in model.events.enumerated() {
      simulation.schedule(.scenarioEvent(index: Int32(index)), at: SimTime.zero + event.at, priority: .urgent)
    }
    for (index, stream) in model.traffic.enumerated() where stream.count > 0 {
      simulation.schedule(.trafficDue(stream: Int32(index)), at: SimTime.zero + stream.start)
    }
  }

  /// Hands an event to its actor. The event must not be obsolete (`isObsolete`): the kernel
  /// drops those before they get here.
  @inline(__always)
  func dispatch(_ message: Message) {
    switch message {
    case .trafficDue(let stream):
      TrafficGenerator.fire(stream: Int(stream), in: self)
    case .requestArrived(let e, _):  // current: the kernel drops obsolete events (`isObsolete`)
      // One slot address for the three fields (valid until the handler opens an exchange); an
      // event's exchange index is always in range (see `isObsolete`).
      let exchange = exchanges.slot(checked: e)
      if exchange.pointee.depth > model.settings.hopLimit {
        note(e, "network", .failed, "hop limit \(model.settings.hopLimit) exceeded")
        reply(e, .failure(.hopLimitExceeded))
        return
      }
      let callee = exchange.pointee.callee
      edges.add(caller: exchange.pointee.caller, callee: callee)
      if isTraced(e) { recordHop(e, .request) }
      unretainedActors[Int(callee)]._withUnsafeGuaranteedRef { $0.handleRequest(e, in: self) }
    case .responseArrived(let e, _):  // current: the kernel drops obsolete events (`isObsolete`)
      close(e)
    case .exchangeTimedOut(let e, _):  // current: the kernel drops obsolete events (`isObsolete`)
      exchanges[e].response = exchanges[e].pendingFailure ?? .failure(.timedOut)
      if exchanges[e].pendingFailure == nil {
        note(e, actors[Int(exchanges[e].caller)].name, .failed, "gave up waiting after \(now - exchanges[e].startedAt)")
      }
      close(e)
    case .timerFired(let tag, let actor), .exchangeTimerFired(let tag, let actor):
      unretainedActors[Int(actor)]._withUnsafeGuaranteedRef { $0.handleTimer(tag, in: self) }
    case .scenarioEvent(let index):
      ScenarioEventApplier.apply(model.events[Int(index)], in: self)
    }
  }

  /// Hands a finished exchange to its caller and frees the slot. Inlined into the event loop,
  /// its only caller, which saves a call frame per response.
  @inline(__always)
  func close(_ e: Int32) {
    // One address for both fields; an event's exchange index is always in range (`isObsolete`).
    let exchange = exchanges.slot(checked: e)
    exchange.pointee.isOpen = false
    let caller = exchange.pointee.caller
    if isTraced(e) { recordHop(e, .response) }
    unretainedActors[Int(caller)]._withUnsafeGuaranteedRef { $0.handleResponse(e, in: self) }
    exchanges.releaseClosed(e)  // nothing reopens `e` before it is freed: only `open` sets isOpen
  }

  /// Whether exchange `e` is still the one a child remembers (same generation, still waiting).
  @inline(__always)
  public func isWaiting(_ e: Int32, generation: UInt32) -> Bool {
    e >= 0 && exchanges[e].generation == generation && exchanges[e].isOpen && !exchanges[e].answered
  }

  // MARK: - Answering

  /// The callee answers exchange `e` after `delay`; the response travels back to the caller.
  ///
  /// `delayIsShared` says whether many replies wait the same `delay` (a proxy's or load
  /// balancer's processing time: the default), so that the response can wait in a kernel lane
  /// (O(1), see `Simulation.scheduleInLane`); a delay drawn per request (an application's
  /// service time) goes to the heap. Either way the events come out in the same order.
  public func reply(_ e: Int32, _ response: Response, after delay: SimDuration = .zero, delayIsShared: Bool = true) {
    let exchange = exchanges.slot(e)  // one checked index for every field
    guard exchange.pointee.isOpen, !exchange.pointee.answered else { return }
    exchange.pointee.answered = true
    exchange.pointee.response = response
    let message = Message.responseArrived(exchange: e, generation: exchange.pointee.generation)
    let wait = delay + exchange.pointee.returnLatency
    if delay == .zero || delayIsShared {
      scheduleInLane(message, after: wait)
    } else {
      simulation.schedule(message, after: wait)
    }
  }

  /// Records that a top-level request finished.
  func complete(request: Int32, response: Response) {
    // One checked address for the record's fields and its release (recording and finishing a
    // trace open no request, so it stays valid).
    let record = requests.slot(request)
    let startedAt = record.pointee.startedAt
    statistics[Int(record.pointee.stream)].record(response, latency: now - startedAt, startedAt: startedAt, world: self)
    if record.pointee.trace >= 0 {
      traces.finish(Int(record.pointee.trace), response: response, at: now, world: self)
    }
    requests.release(record, index: request)
  }

  /// Requests still open when the run stops end as `notCompleted`.
  func finishOpenRequests() {
    for index in requests.openIndices() {
      complete(request: Int32(index), response: .failure(.notCompleted))
    }
  }

  // MARK: - Tracing

  /// Whether the request of exchange `e` is being traced (cheap; check before building text).
  /// While no request is traced (nearly always), one load and one branch: the rest is out of
  /// line.
  @inline(__always)
  public func isTraced(_ e: Int32) -> Bool {
    requests.tracedSlotCount > 0 && requestIsTraced(exchange: e)
  }

  /// Whether request `request` is being traced (before any exchange of it is open).
  @inline(__always)
  public func isTraced(request: Int32) -> Bool {
    requests.tracedSlotCount > 0 && requests[request].trace >= 0
  }

  /// `isTraced(e)` once some slot holds a traced request: reads the exchange's request.
  @inline(never)
  func requestIsTraced(exchange e: Int32) -> Bool {
    e >= 0 && requests[exchanges[e].request].trace >= 0
  }

  /// Adds a step to the trace of exchange `e`'s request, if it is traced.
  /// Inlined, so that for an untraced request (nearly all) a call costs the test alone: the
  /// texts are not even captured.
  @inline(__always)
  public func note(_ e: Int32, _ actor: @autoclosure () -> String, _ kind: TraceStep.Kind, _ detail: @autoclosure () -> String) {
    guard isTraced(e) else { return }
    appendStep(e, actor(), kind, detail())
  }

  /// Adds a step to the trace of exchange `e`'s request, which is traced.
  @inline(never)
  func appendStep(_ e: Int32, _ actor: String, _ kind: TraceStep.Kind, _ detail: String) {
    traces.append(Int(requests[exchanges[e].request].trace), TraceStep(time: now, actor: actor, kind: kind, detail: detail))
  }

  /// The world's one copy of host name `name`: strings that share a buffer compare by identity,
  /// so memos keyed by a name (`DNSCache`) match without reading its bytes.
  func sharedHostName(_ name: String) -> String {
    let index = hostNames.intern(name)
    return hostNames.strings[Int(index)]
  }

  /// Adds a line to the run's timeline of events (scaling, health changes).
  public func recordTimeline(_ text: String) {
    timeline.append(TimelineEntry(time: now, text: text))
  }
}
