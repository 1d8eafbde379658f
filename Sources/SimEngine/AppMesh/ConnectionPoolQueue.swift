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
  @inline(__always)
  mutating func admit(_ e: Int32, limits: ConnectionPoolLimits?, in world: World)
    -> ConnectionPoolLimits.Admission
  {
    guard let limits else { return .serve }
    return admit(e, under: limits, in: world)
  }

  /// `admit(_:limits:in:)` for a listener that has limits.
  private mutating func admit(_ e: Int32, under limits: ConnectionPoolLimits, in world: World)
    -> ConnectionPoolLimits.Admission
  {
    let admission = limits.admit(active: active, pending: waiting.count)
    if admission == .queue { waiting.append((e, world.exchanges[e].generation)) }
    return admission
  }

  /// A request starts being served.
  @inline(__always)
  mutating func start() { active += 1 }

  /// A served request finished: returns the next waiting exchange whose downstream still waits,
  /// if any (the caller starts serving it).
  @inline(__always)
  mutating func finish(in world: World) -> Int32? {
    active -= 1
    return waiting.isEmpty ? nil : nextWaiting(in: world)
  }

  /// The first waiting exchange whose downstream still waits (those that gave up are dropped).
  private mutating func nextWaiting(in world: World) -> Int32? {
    while !waiting.isEmpty {
      let next = waiting.removeFirst()
      if world.isWaiting(next.exchange, generation: next.generation) { return next.exchange }
    }
    return nil
  }
}
