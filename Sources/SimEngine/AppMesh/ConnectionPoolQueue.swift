import NetworkModel

/// The requests one Envoy listener is serving and those waiting for a slot of its
/// destination-side connection pool (AWS behaviour §1.5): shared by sidecar ingress listeners
/// and virtual gateway listeners. Waiting requests are served first come, first served; one
/// whose downstream gave up in the meantime is skipped.
struct ConnectionPoolQueue {
  /// Requests being served now.
  private(set) var active = 0
  private var waiting: [(exchange: Int32, generation: UInt32)] = []

  /// How many requests wait for a slot.
  var pending: Int { waiting.count }

  /// Decides what happens to exchange `e` under `limits` (no limits: served); a queued exchange
  /// is remembered until ``finish(in:)`` hands it out.
  mutating func admit(_ e: Int32, limits: ConnectionPoolLimits?, in world: World)
    -> ConnectionPoolLimits.Admission
  {
    guard let limits else { return .serve }
    let admission = limits.admit(active: active, pending: waiting.count)
    if admission == .queue { waiting.append((e, world.exchanges[e].generation)) }
    return admission
  }

  /// A request starts being served.
  mutating func start() { active += 1 }

  /// A served request finished: returns the next waiting exchange whose downstream still waits,
  /// if any (the caller starts serving it).
  mutating func finish(in world: World) -> Int32? {
    active -= 1
    while !waiting.isEmpty {
      let next = waiting.removeFirst()
      if world.isWaiting(next.exchange, generation: next.generation) { return next.exchange }
    }
    return nil
  }
}
