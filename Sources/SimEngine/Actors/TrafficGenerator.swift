import NetworkModel
import SimKernel

/// Fires the requests of each traffic stream at their arrival times (uniform or Poisson).
enum TrafficGenerator {
  static func fire(stream: Int, in world: World) {
    // The world holds its client actors for the whole run: the call needs no retain.
    let client = Unmanaged.passUnretained(world.clientActors[stream])
    let sent = world.statistics[stream].sent
    let clientID = client._withUnsafeGuaranteedRef { client in
      client.send(index: sent, in: world)
      return client.id
    }
    guard sent + 1 < world.model.traffic[stream].count else { return }
    let gap: SimDuration
    switch world.model.traffic[stream].arrival {
    case .uniform: gap = world.model.traffic[stream].interval
    case .poisson: gap = world.randomSource(clientID).pointee.exponential(mean: world.model.traffic[stream].interval)
    }
    world.simulation.schedule(.trafficDue(stream: Int32(stream)), after: gap)
  }
}
