import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel

extension EnvoyProxyActor {
  /// Starts the next attempt of the call for downstream exchange `e`.
  func startAttempt(_ e: Int32, in world: World) {
    plane.unretainedCall(e, of: id)?._withUnsafeGuaranteedRef { startAttempt(e, of: $0, in: world) }
  }

  /// Starts the next attempt of `call`, this Envoy's call under way for downstream exchange `e`
  /// (as `plane.call(e, of: id)` finds it), with the head the call holds between attempts.
  func startAttempt(_ e: Int32, of call: UpstreamCall, in world: World) {
    guard let head = call.head.take() else { return }
    call.attempt += 1
    call.droppedDisposition = nil
    let attemptTimeout = Self.attemptTimeout(
      perRetry: call.perRetryTimeout, remaining: call.deadline.map { $0 - world.now })
    if let destination = call.passthrough {
      world.note(
        e, name, .forwarded,
        "passthrough to \(IPv4Address(destination.address)):\(destination.port)")
      let child = world.connect(
        from: interface, caller: id, to: destination.address, port: destination.port,
        head: head,
        parent: e, request: world.exchanges[e].request, timeout: Self.unlimited)
      let opened = world.exchanges.slot(child)
      opened.pointee.step = Int32(call.attempt)
      noteDrop(opened, of: call)
      return
    }
    guard let target = call.target else { return }
    startAttempt(e, of: call, head: head, to: target, timeout: attemptTimeout, in: world)
  }

  /// `startAttempt` with `head` to `target`, with attempt timeout `attemptTimeout`, once the
  /// call's attempt number is set: finds the target's cluster. Shared by a call's first attempt
  /// (`startCall`) and its retries.
  @inline(__always)
  func startAttempt(
    _ e: Int32, of call: UpstreamCall, head: consuming RequestHead, to target: MeshRoute.Target,
    timeout attemptTimeout: SimDuration, in world: World
  ) {
    // Held in an optional so that the closure below can move it on (a closure cannot consume a
    // captured parameter).
    var pending = Optional(head)
    // Unretained: the state owns its clusters for the Envoy's whole life.
    state.unretainedCluster(node: target.node, port: target.port)._withUnsafeGuaranteedRef {
      startAttempt(
        e, of: call, head: pending.take().unsafelyUnwrapped, to: target, cluster: $0, timeout: attemptTimeout,
        in: world)
    }
  }

  /// How long an attempt may take: the retry policy's per-retry timeout (`perRetry`, nil: none)
  /// within what is `remaining` of the request timeout (nil: none); no limit at all waits
  /// `unlimited`.
  @inline(__always)
  static func attemptTimeout(perRetry: SimDuration?, remaining: SimDuration?) -> SimDuration {
    var timeout = perRetry ?? unlimited
    if let remaining { timeout = min(timeout, remaining) }
    return timeout == .zero ? unlimited : timeout
  }

  /// `startAttempt` with `head` to `target`, whose cluster is `cluster`, with attempt timeout
  /// `attemptTimeout`. The head moves into the attempt's exchange (see `UpstreamCall.head`); the
  /// call keeps a copy when the attempt may be retried (`UpstreamCall.retryHead`).
  func startAttempt(
    _ e: Int32, of call: UpstreamCall, head: consuming RequestHead, to target: MeshRoute.Target,
    cluster: EnvoyCluster, timeout attemptTimeout: SimDuration, in world: World
  ) {
    guard let address = pickEndpoint(node: target.node, port: target.port, cluster: cluster, e: e, in: world) else {
      let node = plane.config.virtualNodes[target.node]
      world.note(
        e, name, .failed,
        "virtual node \(node.name) has no endpoint (\(node.discovery?.label ?? "no service discovery")): 503 no healthy upstream"
      )
      finish(e, .localReply(503, .noHealthyTarget), ending: call, in: world)
      return
    }
    call.endpoint = address
    let revision = plane.revision
    let clientPolicy = (revision: call.revision, index: call.clientPolicy)
    if !cluster.attemptFactsHold(revision: revision, clientPolicy: clientPolicy, owner: id) {
      let listener = plane.facts.listener(node: target.node, port: target.port)
      cluster.storeAttemptFacts(
        revision: revision, clientPolicy: clientPolicy, owner: id, listener: listener,
        handshake: negotiateTLS(call.clientPolicyValue, target: target, terminatesTLS: listener?.terminatesTLS ?? false))
    }
    call.targetDetectsOutliers = cluster.attemptDetectsOutliers
    call.targetListenerRevision = revision
    let handshake = cluster.attemptHandshakeCode
    let failedHandshake = handshake == .failed ? cluster.attemptHandshake : nil
    if world.isTraced(e) {
      let attempt = call.attempt > 1 ? "attempt \(call.attempt): " : ""
      world.note(
        e, name, .forwarded,
        "\(attempt)\(head.method) \(head.target) → \(plane.config.virtualNodes[target.node].name) endpoint \(endpointLabel(address, world)):\(target.port)\(describe(cluster.attemptHandshake))"
      )
    }
    head.port = target.port
    if call.mayRetry { call.retryHead = head }
    let child = world.connectUpstream(
      from: interface, caller: id, to: address, port: target.port, head: consume head, parent: e,
      timeout: attemptTimeout, attempt: Int32(call.attempt))
    // The child's fields through one checked slot address (nothing opens an exchange meanwhile).
    let opened = world.exchanges.slot(child)
    // Unretained: the plane holds its handshake slots for its whole life.
    Unmanaged.passUnretained(plane.handshakes)._withUnsafeGuaranteedRef { handshakes in
      if let failedHandshake {
        handshakes.record(failedHandshake, for: child, generation: opened.pointee.generation)
      } else {
        handshakes.record(handshake, failure: nil, for: child, generation: opened.pointee.generation)
      }
    }
    noteDrop(opened, of: call)
  }

  /// TLS between this Envoy, with client policy `clientPolicy`, and the target node listener.
  /// A listener without TLS (or with TLS disabled) negotiates as no listener TLS at all, and
  /// only a terminating listener needs the server names (see `negotiate`); with neither a client
  /// policy nor listener TLS the connection is plaintext. `terminatesTLS`: the target listener's
  /// fact of the same name.
  func negotiateTLS(
    _ clientPolicy: ClientTLSPolicy?, target: MeshRoute.Target, terminatesTLS: Bool
  ) -> TLSHandshake {
    if !terminatesTLS && clientPolicy == nil { return .plaintext }
    return TLSNegotiation.negotiate(
      client: clientPolicy, port: target.port,
      server: terminatesTLS ? plane.config.virtualNodes[target.node].listener(port: target.port)?.tls : nil,
      serverNames: terminatesTLS ? plane.config.discoveryNames(of: target.node) : [], clientNames: ownNames,
      certificates: plane.model.certificates)
  }

  /// Remembers in `call` why the packets of its attempt just opened (the exchange at `attempt`)
  /// were dropped, so a request timeout names the cause.
  @inline(__always)
  func noteDrop(_ attempt: UnsafeMutablePointer<Exchange>, of call: UpstreamCall) {
    if let dropped = attempt.pointee.pendingFailure { call.droppedDisposition = dropped.disposition }
  }

  func describe(_ handshake: TLSHandshake) -> String {
    switch handshake {
    case .plaintext: return ""
    case .tls(let verified, let mutual):
      return " over TLS" + (mutual ? " (mutual)" : "")
        + (verified ? ", server certificate verified" : ", server certificate not verified")
    case .failed(let reason): return "; TLS will fail: \(reason)"
    }
  }

  /// An attempt's exchange came back: retry, or answer downstream.
  @inline(__always)
  func attemptFinished(_ child: Int32, in world: World) {
    // The child's and the parent's fields through one checked slot address each (nothing opens
    // an exchange before they are read).
    let finished = world.exchanges.slot(child)
    let e = finished.pointee.parent
    let parentGeneration = finished.pointee.parentGeneration
    // `world.isWaiting(e, generation: parentGeneration)`.
    guard e >= 0 else { return }
    let parent = world.exchanges.slot(e)
    guard parent.pointee.generation == parentGeneration, parent.pointee.isOpen, !parent.pointee.answered
    else { return }
    plane.unretainedCall(e, of: id)?._withUnsafeGuaranteedRef {
      guard $0.generation == parentGeneration, finished.pointee.step == Int32($0.attempt) else { return }
      attemptFinished(finished.pointee.response, of: $0, for: e, child: child, in: world)
    }
  }

  /// `attemptFinished` with `call`, this Envoy's call for downstream exchange `e`, whose current
  /// attempt, exchange `child`, ended with `response`.
  @inline(__always)
  private func attemptFinished(
    _ response: Response, of call: UpstreamCall, for e: Int32, child: Int32, in world: World
  ) {
    if call.passthrough != nil {
      finish(e, response, ending: call, in: world)
      return
    }
    let connectFailure = response.status == 0 && response.disposition != .timedOut
    // The listener facts read when the attempt started hold while the revision has not moved
    // (the target itself is read only when they do not, or when it detects outliers: a call
    // that is not a passthrough has one).
    let detectsOutliers =
      call.targetListenerRevision == plane.revision
      ? call.targetDetectsOutliers
      : call.target.map { plane.facts.listener(node: $0.node, port: $0.port)?.detectsOutliers == true } ?? false
    if detectsOutliers, let target = call.target {
      recordOutlier(
        target: target, address: call.endpoint,
        serverError: response.status >= 500 || response.status == 0,
        e: e, in: world)
    }
    if call.retries(status: response.status, connectFailure: connectFailure),
      call.deadline.map({ world.now < $0 }) ?? true
    {
      let delay = MeshRetryPolicy.backoff(
        retry: call.attempt, randomValue: world.randomSource(id).pointee.next())
      if world.isTraced(e), let policy = call.retryPolicyValue {
        let outcome = response.status > 0 ? "\(response.status)" : response.disposition.rawValue
        let kind = policy.isDefault ? "App Mesh default retry policy" : "retry policy"
        world.note(
          e, name, .note,
          "\(outcome) from the upstream: \(kind) retries (\(call.attempt) of \(policy.maxRetries)) after \(delay) backoff"
        )
      }
      call.droppedDisposition = nil
      // The copy kept for a retry becomes the head of the next attempt (its port is this
      // target's, which the next attempt sets again). The attempt's exchange may hold a stale
      // head: see `UpstreamCall.retryHead`.
      assert(call.retryHead != nil, "a retried attempt kept its head")
      call.head = call.retryHead.take()
      world.startTimer(
        id, after: delay,
        for: TimerTag(kind: Self.retryKind, exchange: e, generation: call.generation))
      return
    }
    if response.status > 0 {
      if world.isTraced(e) { world.note(e, name, .returned, "passes \(response.status) back") }
      finish(e, response, ending: call, in: world)
    } else if response.disposition == .timedOut {
      world.note(e, name, .failed, "upstream request timeout: 504")
      finish(e, .localReply(504, .timedOut), ending: call, in: world)
    } else {
      world.note(
        e, name, .failed,
        "upstream connect error or disconnect/reset before headers (\(response.disposition.rawValue)): 503"
      )
      finish(e, .localReply(503, response.disposition), ending: call, in: world)
    }
  }

  /// A request-timeout or retry-backoff timer fired.
  func timerFired(_ raw: Int64, in world: World) {
    let tag = TimerTag(raw)
    guard tag.isCurrent(in: world),
      let call = plane.call(tag.exchange, of: id),
      call.generation & 0xFF_FFFF == tag.generation
    else { return }
    switch tag.kind {
    case Self.requestTimeoutKind:
      let cause = call.droppedDisposition ?? .timedOut
      world.note(
        tag.exchange, name, .failed,
        "request timeout reached: upstream request timeout, 504"
          + (cause == .timedOut ? "" : " (the connection was \(cause.rawValue))"))
      finish(tag.exchange, .localReply(504, cause), in: world)
    case Self.retryKind:
      startAttempt(tag.exchange, in: world)
    default:
      break
    }
  }

  /// Feeds outlier detection of the target cluster (whose listener configures it).
  func recordOutlier(
    target: MeshRoute.Target, address: UInt32, serverError: Bool, e: Int32, in world: World
  ) {
    guard
      let policy = plane.config.virtualNodes[target.node].listener(port: target.port)?
        .outlierDetection
    else { return }
    let tracker = state.cluster(node: target.node, port: target.port)
    let cluster = currentEndpoints(node: target.node, port: target.port, in: world).map {
      UpstreamHost.key(address: $0, port: target.port)
    }
    let ejected = tracker.outliers.record(
      UpstreamHost.key(address: address, port: target.port), failed: serverError, at: world.now,
      cluster: cluster, policy: policy)
    if let until = ejected {
      world.recordTimeline(
        "\(name): outlier detection ejects \(endpointLabel(address, world)) from \(plane.config.virtualNodes[target.node].name) until \(until)"
      )
      world.note(
        e, name, .note,
        "outlier detection: \(policy.maxServerErrors) consecutive 5xx, \(endpointLabel(address, world)) ejected until \(until)"
      )
    }
  }
}
