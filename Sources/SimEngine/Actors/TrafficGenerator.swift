import NetworkModel
import SimKernel

/// Fires the requests of each traffic stream at their arrival times (uniform or Poisson).
enum TrafficGenerator {
  static func fire(stream: Int, in world: World) {
    // The world holds its client actors for the whole run: the call needs no retain.
    let client = Unmanaged.passUnretained(world.clientActors[stream])
    // The request's index, counted as sent here (one look into the statistics table per
    // request; `send` reads no count).
    let sent = TrafficGenerator.countSent(&world.statistics[stream].sent)
    client._withUnsafeGuaranteedRef { client in
      client.send(index: sent, in: world)
      guard sent + 1 < client.count else { return }
      let gap: SimDuration
      switch client.arrival {
      case .uniform: gap = client.interval
      case .poisson: gap = world.randomSource(client.id).pointee.exponential(mean: client.interval)
      }
      world.simulation.schedule(.trafficDue(stream: Int32(stream)), after: gap)
    }
  }

  /// Counts one more request sent; returns the count before (the new request's index).
  @inline(__always)
  static func countSent(_ sent: inout Int) -> Int {
    defer { sent += 1 }
    return sent
  }
}
