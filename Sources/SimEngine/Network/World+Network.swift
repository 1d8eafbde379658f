import NetworkModel
import RouteMatching
import SimKernel

extension World {
  /// Opens an exchange from `caller` (using interface `from`) with everything a client does:
  /// expand the URL's host, resolve it (hosts file, then DNS with the interface's cache), let
  /// an App Mesh sidecar intercept it, then connect. Failures come back as responses.
  /// `connectHost` is the name to resolve and connect to when it differs from the request's
  /// Host header (`curl -H 'Host: api.example.com' http://my-alb-…elb.amazonaws.com/`).
  @discardableResult
  public func call(from interface: Int32, caller: Int32, head: consuming RequestHead, parent: Int32, request: Int32,
                   timeout: SimDuration, callerContext: Int64 = 0, connectHost: String? = nil) -> Int32 {
    // The world holds its interfaces for the whole run: the source is used without a retain.
    let source = Unmanaged.passUnretained(interfaces[Int(interface)])
    let port = head.port
    // 1. Resolve: the resolver's memo first, asked with the name still in the head (no copy of
    // the name). Nothing between here and the exchange's opening draws or touches the cache, and
    // the exchange will belong to `request`, whose trace decides as `isTraced` would.
    let traced = isTraced(request: request)
    let memoized: UInt32?
    if let connectHost {
      memoized = memoizedResolution(connectHost, from: source, traced: traced)
    } else {
      memoized = memoizedResolution(head.host, from: source, traced: traced)
    }
    if let memoized {
      let (e, exchange) = openChild(
        request: request, parent: parent, caller: caller, head: head, callerContext: callerContext, timeout: timeout)
      // The usual case, taken here rather than in `leave`: no sidecar to intercept, and a
      // connection made before (a memoized name is never traced, so `connect` would take the
      // connection memo as well).
      if source._withUnsafeGuaranteedRef({ $0.egressProxy == nil }),
        let memo = connectionMemo(from: interface, to: memoized, port: port)
      {
        arrive(e, at: exchange, through: memo, extraDelay: .zero)
        return e
      }
      leave(e, from: interface, source: source, caller: caller, to: memoized, port: port, lookupDelay: .zero)
      return e
    }
    let hostToResolve = connectHost ?? head.host
    let (e, _) = openChild(
      request: request, parent: parent, caller: caller, head: head, callerContext: callerContext, timeout: timeout)
    if hostToResolve.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true, let literal = IPv4Address(hostToResolve) {
      leave(e, from: interface, source: source, caller: caller, to: literal.value, port: port, lookupDelay: .zero)
      return e
    }
    switch source._withUnsafeGuaranteedRef({ resolve(hostToResolve, from: $0, exchange: e) }) {
    case .failure(let delay):
      fail(e, .failure(.dnsNameNotFound), after: delay)
    case .success(let address, let delay):
      leave(e, from: interface, source: source, caller: caller, to: address, port: port, lookupDelay: delay)
    }
    return e
  }

  /// The last step of `call`, once the address is known: an App Mesh sidecar takes outbound TCP
  /// unless its proxy configuration ignores it; otherwise the connection goes out.
  /// `source` is read unretained (the world holds its interfaces for the whole run).
  @inline(__always)
  private func leave(_ e: Int32, from interface: Int32, source: Unmanaged<NetworkInterface>, caller: Int32,
                     to address: UInt32, port: Int, lookupDelay: SimDuration) {
    if source._withUnsafeGuaranteedRef({ $0.egressProxy != nil }),
      source._withUnsafeGuaranteedRef({ redirectToEgressProxy(e, from: interface, source: $0, caller: caller, to: address,
                                                              port: port, lookupDelay: lookupDelay) })
    {
      return
    }
    connect(e, at: exchanges.slot(e), from: interface, to: address, port: port, extraDelay: lookupDelay)
  }

  /// `leave` through the interface's App Mesh sidecar: whether its proxy configuration takes
  /// the connection (then it goes to the Envoy egress listener).
  @inline(never)
  private func redirectToEgressProxy(_ e: Int32, from interface: Int32, source: NetworkInterface, caller: Int32,
                                     to address: UInt32, port: Int, lookupDelay: SimDuration) -> Bool {
    if let proxy = source.egressProxy, proxy.actor != caller, address >> 24 != 127,
      proxy.configuration.intercepts(address: address, port: port)
    {
      note(e, source.label, .forwarded, "iptables redirects \(IPv4Address(address)):\(port) to the Envoy egress listener (:\(proxy.configuration.egressPort))")
      let exchange = exchanges.slot(e)
      exchange.pointee.callee = proxy.actor
      exchange.pointee.calleeInterface = interface
      exchange.pointee.sourceAddress = source.address
      exchange.pointee.calleeContext = Int64(address)
      exchange.pointee.returnLatency = .zero
      scheduleInLane(.requestArrived(exchange: e, generation: exchange.pointee.generation), after: lookupDelay)
      return true
    }
    return false
  }

  /// Opens a child exchange of `parent` (or a top-level one when `parent` is negative) and
  /// arms its timeout: what every way of sending a request does first. The new exchange's slot
  /// address comes back with its index (valid until the next exchange opens; scheduling opens
  /// none).
  @inline(__always)
  func openChild(
    request: Int32, parent: Int32, caller: Int32, head: consuming RequestHead, callerContext: Int64,
    timeout: SimDuration
  ) -> (Int32, UnsafeMutablePointer<Exchange>) {
    let (depth, parentGeneration) = childPlace(under: parent)
    let e = exchanges.open(request: request, parent: parent, parentGeneration: parentGeneration, caller: caller, head: head,
                           startedAt: now, depth: depth, callerContext: callerContext)
    return (e, armTimeout(e, after: timeout))
  }

  /// `openChild` for a request that goes on with `parent`'s head unchanged, which nothing reads
  /// again (neither this hop nor `parent`'s caller, which keeps a copy if it may retry: see
  /// `UpstreamCall.retryHead`): the head moves to the new exchange
  /// (`ExchangeTable.open(request:takingHeadOf:…)`), which saves an atomic retain and release per
  /// hop. A traced request's trace reads every hop's head, so its head is copied instead.
  @inline(__always)
  func openChild(
    request: Int32, forwardingHeadOf parent: Int32, caller: Int32, callerContext: Int64, timeout: SimDuration
  ) -> (Int32, UnsafeMutablePointer<Exchange>) {
    let (depth, parentGeneration) = childPlace(under: parent)
    let e = isTraced(request: request)
      ? exchanges.open(request: request, parent: parent, parentGeneration: parentGeneration, caller: caller,
                       head: exchanges[parent].head, startedAt: now, depth: depth, callerContext: callerContext)
      : exchanges.open(request: request, takingHeadOf: parent, parentGeneration: parentGeneration, caller: caller,
                       startedAt: now, depth: depth, callerContext: callerContext)
    return (e, armTimeout(e, after: timeout))
  }

  /// A child's depth and its parent's generation, read through one checked slot address (zero
  /// for a top-level exchange, whose `parent` is negative).
  @inline(__always)
  private func childPlace(under parent: Int32) -> (depth: Int16, parentGeneration: UInt32) {
    guard parent >= 0 else { return (0, 0) }
    let parentSlot = exchanges.slot(parent)
    return (parentSlot.pointee.depth + 1, parentSlot.pointee.generation)
  }

  /// Schedules the timeout of exchange `e`, just opened; returns its slot address.
  @inline(__always)
  private func armTimeout(_ e: Int32, after timeout: SimDuration) -> UnsafeMutablePointer<Exchange> {
    let exchange = exchanges.slot(e)
    scheduleInLane(.exchangeTimedOut(exchange: e, generation: exchange.pointee.generation), after: timeout)
    return exchange
  }

  /// Opens an exchange that connects straight to `address:port`, bypassing DNS and the sidecar
  /// (a proxy's own upstream connection). `presentedSource` is the source address the
  /// destination sees instead of the interface's own (an NLB preserving the client's address);
  /// security-group references still match the interface's groups.
  @discardableResult
  public func connect(from interface: Int32, caller: Int32, to address: UInt32, port: Int, head: consuming RequestHead,
                      parent: Int32, request: Int32, timeout: SimDuration, callerContext: Int64 = 0,
                      presentedSource: UInt32? = nil) -> Int32 {
    let (e, exchange) = openChild(
      request: request, parent: parent, caller: caller, head: head, callerContext: callerContext, timeout: timeout)
    connect(e, at: exchange, from: interface, to: address, port: port, extraDelay: .zero, presentedSource: presentedSource)
    return e
  }

  /// `connect(from:caller:to:port:head:parent:…)` with `parent`'s head, unchanged and moved (a
  /// layer-4 load balancer): nothing may read `parent`'s head again (see `openChild`).
  @discardableResult
  public func connect(from interface: Int32, caller: Int32, to address: UInt32, port: Int, forwardingHeadOf parent: Int32,
                      request: Int32, timeout: SimDuration, callerContext: Int64 = 0,
                      presentedSource: UInt32? = nil) -> Int32 {
    let (e, exchange) = openChild(
      request: request, forwardingHeadOf: parent, caller: caller, callerContext: callerContext, timeout: timeout)
    connect(e, at: exchange, from: interface, to: address, port: port, extraDelay: .zero, presentedSource: presentedSource)
    return e
  }

  /// Opens an exchange to an actor on the same host (app → local proxy), with no network hop.
  /// Inlined into its few callers (sidecar ingress listeners), which saves passing its many
  /// arguments through the stack.
  @discardableResult
  @inline(__always)
  public func deliverLocally(from interface: Int32, caller: Int32, to callee: Int32, head: consuming RequestHead, parent: Int32,
                             request: Int32, timeout: SimDuration, callerContext: Int64 = 0, calleeContext: Int64 = 0) -> Int32 {
    let (e, exchange) = openChild(
      request: request, parent: parent, caller: caller, head: head, callerContext: callerContext, timeout: timeout)
    arriveLocally(e, at: exchange, on: interface, to: callee, calleeContext: calleeContext)
    return e
  }

  /// `deliverLocally(from:caller:to:head:parent:…)` with `parent`'s head, unchanged and moved (a
  /// sidecar handing the request to its application): nothing may read `parent`'s head again
  /// (see `openChild`).
  @discardableResult
  @inline(__always)
  public func deliverLocally(from interface: Int32, caller: Int32, to callee: Int32, forwardingHeadOf parent: Int32,
                             request: Int32, timeout: SimDuration, callerContext: Int64 = 0, calleeContext: Int64 = 0) -> Int32 {
    let (e, exchange) = openChild(
      request: request, forwardingHeadOf: parent, caller: caller, callerContext: callerContext, timeout: timeout)
    arriveLocally(e, at: exchange, on: interface, to: callee, calleeContext: calleeContext)
    return e
  }

  /// The request of exchange `e`, just opened, reaches `callee` on the same host at once (the
  /// new exchange's fields written through its slot address).
  @inline(__always)
  private func arriveLocally(_ e: Int32, at exchange: UnsafeMutablePointer<Exchange>, on interface: Int32, to callee: Int32,
                             calleeContext: Int64) {
    let generation = exchange.pointee.generation
    exchange.pointee.callee = callee
    exchange.pointee.calleeInterface = interface
    exchange.pointee.calleeContext = calleeContext
    exchange.pointee.sourceAddress = interfaces[Int(interface)].address
    scheduleInLane(.requestArrived(exchange: e, generation: generation), after: .zero)
  }

  /// Fails an exchange after `delay` (an answer-like failure: refused, NXDOMAIN).
  public func fail(_ e: Int32, _ response: Response, after delay: SimDuration) {
    exchanges[e].answered = true
    exchanges[e].response = response
    simulation.schedule(.responseArrived(exchange: e, generation: exchanges[e].generation), after: delay)
  }

  /// Drops an exchange's packets: the caller learns only when its timeout fires.
  public func drop(_ e: Int32, _ disposition: Disposition) {
    exchanges[e].answered = true
    exchanges[e].pendingFailure = .failure(disposition)
  }

  /// The network part of a connection for exchange `e`, whose slot address `exchange` the
  /// caller has (valid: no exchange opened since it was read): reachability, security groups,
  /// listener.
  ///
  /// Inlined into its callers (it runs for nearly every hop): a connection made before with
  /// nothing changed since takes the memo's outcome without a call; the rest is out of line
  /// (`connectThroughNetwork`).
  @inline(__always)
  func connect(_ e: Int32, at exchange: UnsafeMutablePointer<Exchange>, from interface: Int32, to address: UInt32,
               port: Int, extraDelay: SimDuration, presentedSource: UInt32? = nil) {
    // The memo holds the outcome of a connection made before with nothing changed since (only
    // plain connections are memoized: not loopback or link-local ones, and not those with a
    // presented source, an NLB passing the client's address on, which the destination sees).
    if presentedSource == nil && !isTraced(e), let memo = connectionMemo(from: interface, to: address, port: port) {
      arrive(e, at: exchange, through: memo, extraDelay: extraDelay)
      return
    }
    connectThroughNetwork(e, from: interface, to: address, port: port, extraDelay: extraDelay,
                          presentedSource: presentedSource)
  }

  /// A connection with a memoized outcome (`connectionMemo`): exchange `e` (at `exchange`)
  /// reaches the remembered listener after the remembered latency plus `extraDelay`.
  @inline(__always)
  func arrive(_ e: Int32, at exchange: UnsafeMutablePointer<Exchange>, through memo: ConnectionMemo,
              extraDelay: SimDuration) {
    exchange.pointee.callee = memo.listener
    exchange.pointee.calleeInterface = memo.destination
    exchange.pointee.sourceAddress = memo.seenSource
    exchange.pointee.returnLatency = memo.latency
    scheduleInLane(.requestArrived(exchange: e, generation: exchange.pointee.generation), after: memo.latency + extraDelay)
  }

  /// `connect` without a memoized outcome: works the connection out hop by hop (and memoizes
  /// a plain one).
  @inline(never)
  func connectThroughNetwork(_ e: Int32, from interface: Int32, to address: UInt32, port: Int, extraDelay: SimDuration,
                             presentedSource: UInt32?) {
    let source = interfaces[Int(interface)]
    var target: String { "\(IPv4Address(address)):\(port)" }
    // Loopback stays inside the task (Service Connect's 127.255.0.x listeners).
    if address >> 24 == 127 {
      guard let actor = source.loopbackListener(address, port) else {
        note(e, source.label, .failed, "nothing listens on \(target) inside the task: connection refused")
        fail(e, .failure(.connectionRefused), after: extraDelay)
        return
      }
      exchanges[e].callee = actor
      exchanges[e].calleeInterface = interface
      exchanges[e].sourceAddress = address
      scheduleInLane(.requestArrived(exchange: e, generation: exchanges[e].generation), after: extraDelay)
      return
    }
    if let handler = linkLocalHandler, handler.handles(address) {
      if let denied = SecurityGroupFilter.egressDenial(from: source, to: address, port: port, in: self) {
        note(e, source.label, .denied, denied)
        drop(e, .deniedBySecurityGroupEgress)
        return
      }
      handler.connect(e, from: source, to: address, port: port, extraDelay: extraDelay, in: self)
      return
    }
    guard let destinationIndex = addressBook[address] else {
      let inKnownVPC = model.vpcs.contains { $0.cidr.contains(address) }
      note(e, source.label, .failed, inKnownVPC
           ? "no running ENI has \(IPv4Address(address)) (a stopped task?): packets go nowhere"
           : "no route to \(IPv4Address(address))")
      drop(e, inKnownVPC ? .hostUnreachable : .noRouteToHost)
      return
    }
    let destination = interfaces[Int(destinationIndex)]
    guard destination.isUp else {
      note(e, source.label, .failed, "\(destination.label) is gone: packets go nowhere")
      drop(e, .hostUnreachable)
      return
    }
    // Reachability: private addresses only inside their VPC; public ones from anywhere.
    let viaPublic = destination.onInternet || (destination.publicAddress == address && destination.address != address)
    if !viaPublic && destination.vpc != source.vpc {
      note(e, source.label, .failed, source.onInternet
           ? "\(IPv4Address(address)) is a private address: the internet has no route to it"
           : "\(IPv4Address(address)) is in another VPC: no route (peering is not modelled)")
      drop(e, .noRouteToHost)
      return
    }
    if let denied = SecurityGroupFilter.egressDenial(from: source, to: address, port: port, destination: destination, in: self) {
      note(e, source.label, .denied, denied)
      drop(e, .deniedBySecurityGroupEgress)
      return
    }
    let seenSource = presentedSource
      ?? (viaPublic || source.onInternet ? (source.publicAddress ?? source.address) : source.address)
    switch SecurityGroupFilter.ingressDecision(to: destination, from: source, seenAddress: seenSource,
                                               privatePath: !viaPublic && !source.onInternet, port: port,
                                               explain: isTraced(e), in: self) {
    case .denied(let reason):
      note(e, destination.label, .denied, reason)
      drop(e, .deniedBySecurityGroupIngress)
      return
    case .allowed(let reason):
      if isTraced(e), let reason { note(e, destination.label, .permitted, reason) }
    }
    let latency = oneWayLatency(source, destination) + extraDelay
    guard let listener = destination.listeners[port] else {
      note(e, destination.label, .failed, "nothing listens on port \(port): connection reset")
      fail(e, .failure(.connectionRefused), after: latency + oneWayLatency(source, destination))
      return
    }
    exchanges[e].callee = listener
    exchanges[e].calleeInterface = destinationIndex
    exchanges[e].sourceAddress = seenSource
    exchanges[e].returnLatency = oneWayLatency(source, destination)
    if presentedSource == nil {
      rememberConnection(
        ConnectionMemo(version: network.value, address: address, port: port, destination: destinationIndex, listener: listener,
                       seenSource: seenSource, latency: oneWayLatency(source, destination)),
        from: interface)
    }
    scheduleInLane(.requestArrived(exchange: e, generation: exchanges[e].generation), after: latency)
  }

  /// One-way latency between two interfaces.
  public func oneWayLatency(_ a: NetworkInterface, _ b: NetworkInterface) -> SimDuration {
    if a.onInternet || b.onInternet { return model.settings.internet }
    if a.zone != b.zone { return model.settings.network + model.settings.crossZone }
    return model.settings.network
  }
}
