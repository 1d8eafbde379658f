import NetworkModel
import SimKernel

extension EnvoyProxyActor {
  /// The endpoints of `node` as this Envoy sees them now (traced when `e` is).
  func endpoints(node: Int, port: Int, e: Int32, in world: World) -> [UInt32] {
    // A resolution remembered under the current revision is of the node's current DNS hostname.
    if let recent = state.recentAddresses(node: node, revision: plane.revision, at: world.now) {
      return recent
    }
    let facts = plane.facts
    // DNS from its own list (`dnsDiscoveries`): matching the whole discovery enum copies every
    // payload.
    if let dns = facts.dnsDiscoveries[node] {
      return resolve(dns.hostname, all: dns.allEndpoints, node: node, e: e, in: world)
    }
    // Otherwise Cloud Map or no discovery. No fail-open: with no instance healthy, Envoy has no
    // upstream.
    guard case .cloudMap? = facts.discoveries[node] else { return [] }
    return plane.cloudMapInstances(of: node, healthStatus: .healthy, in: world).map(\.address)
  }

  /// The endpoints without tracing, for outlier bookkeeping.
  func currentEndpoints(node: Int, port: Int, in world: World) -> [UInt32] {
    endpoints(node: node, port: port, e: -1, in: world)
  }

  /// Envoy's own DNS resolution: one address of the answer kept until the TTL expires
  /// (`LOADBALANCER`), or every address (`ENDPOINTS`) (AWS behaviour §1.5).
  func resolve(_ hostname: String, all: Bool, node: Int, e: Int32, in world: World) -> [UInt32] {
    if let cached = state.cachedAddresses(hostname, node: node, revision: plane.revision, at: world.now) {
      return cached
    }
    let vpc = world.interfaces[Int(interface)].vpc
    let answer = world.authoritativeAnswer(hostname, fromVPC: vpc, asker: id)
    guard let answer, !answer.addresses.isEmpty else {
      world.note(
        e, name, .failed, "DNS: \(hostname) → NXDOMAIN" + (answer.map { " (\($0.source))" } ?? ""))
      return []
    }
    let addresses =
      all ? answer.addresses : [answer.addresses[world.random(id, below: answer.addresses.count)]]
    state.store(
      .init(addresses: addresses, expires: world.now + answer.ttl, source: answer.source), of: hostname,
      node: node, revision: plane.revision)
    if world.isTraced(e) {
      world.note(
        e, name, .resolved,
        "DNS: \(hostname) → \(addresses.map { IPv4Address($0).description }.joined(separator: ", "))"
          + (all ? "" : " (Envoy keeps one address)") + " (\(answer.source), TTL \(answer.ttl))")
    }
    return addresses
  }

  /// The address of the endpoint of `node`'s listener on `port` the next attempt goes to
  /// (`chooseEndpoint` among `endpoints`), nil when there is none. The common case — a
  /// remembered resolution whose hosts all pass their checks — is decided in place.
  /// `cluster`: the cluster of that listener.
  func pickEndpoint(node: Int, port: Int, cluster: EnvoyCluster, e: Int32, in world: World) -> UInt32? {
    if let address = cluster.quickPick(revision: plane.revision, healthEpoch: plane.healthEpoch, at: world.now) {
      return address
    }
    let candidates = endpoints(node: node, port: port, e: e, in: world)
    return chooseEndpoint(candidates, node: node, port: port, cluster: cluster, e: e, in: world)
  }

  /// Picks an endpoint's address: hosts failing health checks or ejected are skipped unless
  /// fewer than half remain (Envoy's panic threshold, as `EligibleHosts` decides it), then round
  /// robin. Counts and picks over `candidates` in place instead of building host lists; when
  /// every host passes its checks and outlier detection ejects none now, every host is
  /// usable and the pick is plain round robin over all of them. `cluster`: the cluster of
  /// `node`'s listener on `port`.
  func chooseEndpoint(
    _ candidates: [UInt32], node: Int, port: Int, cluster: EnvoyCluster, e: Int32, in world: World
  ) -> UInt32? {
    guard !candidates.isEmpty else { return nil }
    refreshHealthReading(of: candidates, node: node, port: port, cluster: cluster)
    if cluster.allUsable(at: world.now) {
      guard let pick = cluster.cursor.next(count: candidates.count) else { return nil }
      return candidates[pick]
    }
    let healthy = cluster.health?.healthy ?? []
    let now = world.now
    let tracker = cluster.outliers
    func usable(_ index: Int) -> Bool {
      healthy[index] && !tracker.isEjected(UpstreamHost.key(address: candidates[index], port: port), at: now)
    }
    var usableCount = 0
    for index in candidates.indices where usable(index) { usableCount += 1 }
    let inPanic = EligibleHosts.inPanic(available: usableCount, all: candidates.count)
    if inPanic {
      world.note(
        e, name, .note,
        "only \(usableCount) of \(candidates.count) hosts healthy: panic threshold, balancing over all")
    } else if usableCount < candidates.count {
      world.note(
        e, name, .note, "\(candidates.count - usableCount) of \(candidates.count) hosts unhealthy or ejected")
    }
    guard let pick = cluster.cursor.next(count: inPanic ? candidates.count : usableCount)
    else { return nil }
    if inPanic { return candidates[pick] }
    var remaining = pick
    for index in candidates.indices where usable(index) {
      if remaining == 0 { return candidates[index] }
      remaining -= 1
    }
    return nil
  }

  /// Makes the cluster's health reading say whether each of `candidates` passes the active
  /// health checks of `node`'s listener on `port` (every one does when it has none), reading the
  /// control plane again only after its health view or the candidates changed.
  func refreshHealthReading(of candidates: [UInt32], node: Int, port: Int, cluster: EnvoyCluster) {
    let epoch = plane.healthEpoch
    if cluster.healthIsCurrent(epoch: epoch, of: candidates) { return }
    let view = plane.healthView(node: node, port: port)
    let healthy = candidates.map { view?.isHealthy($0) ?? true }
    cluster.health = .init(
      epoch: epoch, addresses: candidates, healthy: healthy, allHealthy: !healthy.contains(false))
  }

  func endpointLabel(_ address: UInt32, _ world: World) -> String {
    guard let index = world.addressBook[address] else { return IPv4Address(address).description }
    return world.interfaces[Int(index)].label
  }
}
