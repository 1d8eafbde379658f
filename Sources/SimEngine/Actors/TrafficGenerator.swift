import NetworkModel
import SimKernel

/// Fires the requests of each traffic stream at their arrival times (uniform or Poisson).
enum TrafficGenerator {
  static func fire(stream: Int, in world: World) {
    // The world holds its client actors for the whole run: the call needs no retain.
    let client = Unmanaged.passUnretained(world.clientActors[stream])
    let sent = world.statistics[stream].sent
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
}
