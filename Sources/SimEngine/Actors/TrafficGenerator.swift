import NetworkModel
import SimKernel

/// Fires the requests of each traffic stream at their arrival times (uniform or Poisson).
enum TrafficGenerator {
  static func fire(stream: Int, in world: World) {
    let client = world.clientActors[stream]
    let sent = world.statistics[stream].sent
    client.send(index: sent, in: world)
    let spec = world.model.traffic[stream]
    guard sent + 1 < spec.count else { return }
    let gap: SimDuration
    switch spec.arrival {
    case .uniform: gap = spec.interval
    case .poisson: gap = world.randomSource(client.id).pointee.exponential(mean: spec.interval)
    }
    world.simulation.schedule(.trafficDue(stream: Int32(stream)), after: gap)
  }
}
