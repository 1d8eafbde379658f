import NetworkModel
import RouteMatching
import SimKernel

extension World {
  /// Opens a proxy's connection to one upstream host, bypassing DNS and sidecars.
  ///
  /// A connection whose packets are dropped (a security group, an address nobody holds) fails
  /// after `connectTimeout` as Envoy's cluster `connect_timeout` would (5 s by default), not at
  /// the end of the whole request timeout, so the proxy can retry elsewhere. The host's key goes
  /// in the exchange's `callerContext` and `attempt` in its `step`.
  @discardableResult
  public func connectUpstream(
    from interface: Int32, caller: Int32, to host: UpstreamHost, head: consuming RequestHead, parent: Int32,
    timeout: SimDuration,
    connectTimeout: SimDuration = .seconds(5), attempt: Int32
  ) -> Int32 {
    connectUpstream(
      from: interface, caller: caller, to: host.address, port: host.port, head: consume head, parent: parent,
      timeout: timeout, connectTimeout: connectTimeout, attempt: attempt)
  }

  /// `connectUpstream` to the host at `address` and `port`. Opens the exchange itself (what
  /// `connect(from:caller:to:port:head:parent:request:timeout:)` does, in the same order: open,
  /// request timeout, network), reading the parent's request, depth and generation through one
  /// checked slot address and writing the attempt through another.
  @discardableResult
  public func connectUpstream(
    from interface: Int32, caller: Int32, to address: UInt32, port: Int, head: consuming RequestHead,
    parent: Int32, timeout: SimDuration, connectTimeout: SimDuration = .seconds(5), attempt: Int32
  ) -> Int32 {
    // The parent's fields are read before the opening, which may move the slab.
    let parentSlot = exchanges.slot(parent)
    let child = exchanges.open(
      request: parentSlot.pointee.request, parent: parent, parentGeneration: parentSlot.pointee.generation,
      caller: caller, head: head, startedAt: now, depth: parentSlot.pointee.depth + 1,
      callerContext: Int64(bitPattern: UpstreamHost.key(address: address, port: port)))
    let opened = exchanges.slot(child)
    opened.pointee.step = attempt
    scheduleInLane(.exchangeTimedOut(exchange: child, generation: opened.pointee.generation), after: timeout)
    connect(child, from: interface, to: address, port: port, extraDelay: .zero)
    // Read again: the network part writes the exchange (nothing opens one meanwhile).
    if let dropped = exchanges.slot(child).pointee.pendingFailure {
      fail(child, dropped, after: min(connectTimeout, timeout))
    }
    return child
  }
}
