import NetworkModel
import SimKernel

extension EnvoyProxyActor {
  /// The endpoints of `node` as this Envoy sees them now (traced when `e` is).
  func endpoints(node: Int, port: Int, e: Int32, in world: World) -> [UInt32] {
    switch plane.facts.discoveries[node] {
    case .cloudMap?:
      // No fail-open: with no instance healthy, Envoy has no upstream.
      return plane.cloudMapInstances(of: node, healthStatus: .healthy, in: world).map(\.address)
    case .dns(let hostname, let all)?:
      return resolve(hostname, all: all, e: e, in: world)
    case nil:
      return []
    }
  }

  /// The endpoints without tracing, for outlier bookkeeping.
  func currentEndpoints(node: Int, port: Int, in world: World) -> [UInt32] {
    endpoints(node: node, port: port, e: -1, in: world)
  }

  /// Envoy's own DNS resolution: one address of the answer kept until the TTL expires
  /// (`LOADBALANCER`), or every address (`ENDPOINTS`) (AWS behaviour §1.5).
  func resolve(_ hostname: String, all: Bool, e: Int32, in world: World) -> [UInt32] {
    if let cached = state.dns[hostname], cached.expires > world.now { return cached.addresses }
    let vpc = world.interfaces[Int(interface)].vpc
    let answer = world.authoritativeAnswer(hostname, fromVPC: vpc, asker: id)
    guard let answer, !answer.addresses.isEmpty else {
      world.note(
        e, name, .failed, "DNS: \(hostname) → NXDOMAIN" + (answer.map { " (\($0.source))" } ?? ""))
      return []
    }
    let addresses =
      all ? answer.addresses : [answer.addresses[world.random(id, below: answer.addresses.count)]]
    state.dns[hostname] = .init(
      addresses: addresses, expires: world.now + answer.ttl, source: answer.source)
    if world.isTraced(e) {
      world.note(
        e, name, .resolved,
        "DNS: \(hostname) → \(addresses.map { IPv4Address($0).description }.joined(separator: ", "))"
          + (all ? "" : " (Envoy keeps one address)") + " (\(answer.source), TTL \(answer.ttl))")
    }
    return addresses
  }

  /// Picks an endpoint: hosts failing health checks or ejected are skipped unless fewer than
  /// half remain (Envoy's panic threshold, shared `EligibleHosts`), then round robin.
  func chooseEndpoint(_ candidates: [UInt32], node: Int, port: Int, e: Int32, in world: World)
    -> UpstreamHost?
  {
    guard !candidates.isEmpty else { return nil }
    let key = EnvoyClusterState.key(node: node, port: port)
    let tracker = state.outliers[key]
    let checksHealth = plane.checksHealth(node: node, port: port)
    var hosts: [UpstreamHost] = []
    hosts.reserveCapacity(candidates.count)
    var usable = 0
    for address in candidates {
      let host = UpstreamHost(
        address: address, port: port,
        healthy: !checksHealth || plane.isHealthy(node: node, port: port, address: address),
        task: taskIndex(at: address, world))
      if host.healthy && !(tracker?.isEjected(host.key, at: world.now) ?? false) { usable += 1 }
      hosts.append(host)
    }
    let eligible = EligibleHosts(hosts) { tracker?.isEjected($0.key, at: world.now) ?? false }
    if eligible.inPanic {
      world.note(
        e, name, .note,
        "only \(usable) of \(hosts.count) hosts healthy: panic threshold, balancing over all")
    } else if usable < hosts.count {
      world.note(
        e, name, .note, "\(hosts.count - usable) of \(hosts.count) hosts unhealthy or ejected")
    }
    var cursor = state.roundRobin[key] ?? RoundRobinCursor()
    defer { state.roundRobin[key] = cursor }
    return cursor.next(count: eligible.hosts.count).map { eligible.hosts[$0] }
  }

  /// The task holding `address`, or -1.
  func taskIndex(at address: UInt32, _ world: World) -> Int32 {
    guard let index = world.addressBook[address] else { return -1 }
    return (world.actors[Int(world.interfaces[Int(index)].owner)] as? TaskActor)?.taskIndex ?? -1
  }

  func endpointLabel(_ address: UInt32, _ world: World) -> String {
    guard let index = world.addressBook[address] else { return IPv4Address(address).description }
    return world.interfaces[Int(index)].label
  }
}
