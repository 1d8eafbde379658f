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

  /// `connectUpstream` to the host at `address` and `port`: opens the exchange with `openChild`
  /// (in the parent's request), records the attempt, then connects.
  @discardableResult
  public func connectUpstream(
    from interface: Int32, caller: Int32, to address: UInt32, port: Int, head: consuming RequestHead,
    parent: Int32, timeout: SimDuration, connectTimeout: SimDuration = .seconds(5), attempt: Int32
  ) -> Int32 {
    let (child, opened) = openChild(
      request: exchanges.slot(parent).pointee.request, parent: parent, caller: caller, head: head,
      callerContext: Int64(bitPattern: UpstreamHost.key(address: address, port: port)), timeout: timeout)
    opened.pointee.step = attempt
    connect(child, at: opened, from: interface, to: address, port: port, extraDelay: .zero)
    // Read again: the network part writes the exchange (nothing opens one meanwhile).
    if let dropped = exchanges.slot(child).pointee.pendingFailure {
      fail(child, dropped, after: min(connectTimeout, timeout))
    }
    return child
  }
}
