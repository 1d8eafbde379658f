import NetworkModel
import SimKernel

/// Fires the requests of each traffic stream at their arrival times (uniform or Poisson).
enum TrafficGenerator {
  static func fire(stream: Int, in world: World) {
    let client = world.clientActors[stream]
    let sent = world.statistics[stream].sent
    client.send(index: sent, in: world)
    guard sent + 1 < world.model.traffic[stream].count else { return }
    let gap: SimDuration
    switch world.model.traffic[stream].arrival {
    case .uniform: gap = world.model.traffic[stream].interval
    case .poisson: gap = world.randomSource(client.id).pointee.exponential(mean: world.model.traffic[stream].interval)
    }
    world.simulation.schedule(.trafficDue(stream: Int32(stream)), after: gap)
  }
}
