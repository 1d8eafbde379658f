import NetworkModel
import ScenarioFormat
import SimKernel

/// Active health checks of one virtual node listener (`healthCheck`): every `intervalMillis` each
/// endpoint is probed on the listener port (HTTP: `path` must answer 2xx within `timeoutMillis`);
/// `unhealthyThreshold` consecutive failures mark it unhealthy, `healthyThreshold` successes
/// healthy again. Hosts present at time zero start healthy; a new host joins after its first
/// successful check, one whose first check fails after `healthyThreshold` passes (Envoy's startup
/// rule, ``HealthCheckStreak/StartupRule/firstCheck``) (AWS behaviour §1.5).
///
/// Simplification: App Mesh configures these checks on every client Envoy; MeshSim keeps one
/// shared view per listener, and probes evaluate the target's state (task running, not failing
/// health checks, the application's answer for the path) instead of sending packets, so security
/// groups do not affect them.
final class MeshHealthChecker: SimActor {
  let node: Int
  let port: Int
  let plane: AppMeshControlPlane
  private var started = false

  init(node: Int, port: Int, plane: AppMeshControlPlane, label: String) {
    self.node = node
    self.port = port
    self.plane = plane
    super.init(name: "App Mesh health checks \(label):\(port)")
  }

  override func handleTimer(_ tag: Int64, in world: World) {
    let key = EnvoyClusterState.key(node: node, port: port)
    guard let check = plane.config.virtualNodes[node].listener(port: port)?.healthCheck else {
      if world.hasPendingWork { world.startTimer(id, after: .seconds(5), tag: 0) }
      return
    }
    let addresses = endpoints(in: world)
    var view = plane.health[key] ?? [:]
    for address in addresses {
      if !started {
        view[address] = HealthCheckStreak(.healthy)
        continue
      }
      var host = view[address] ?? HealthCheckStreak()
      let before = host.state
      host.record(
        passed: probe(address, check: check, in: world), healthyThreshold: check.healthyThreshold,
        unhealthyThreshold: check.unhealthyThreshold, startup: .firstCheck)
      if host.state == .healthy && before != .healthy {
        world.recordTimeline("\(name): \(label(address, world)) healthy")
      } else if host.state == .unhealthy && before == .healthy {
        world.recordTimeline(
          "\(name): \(label(address, world)) unhealthy after \(host.failures) failed checks")
      }
      view[address] = host
    }
    plane.health[key] = view
    started = true
    if world.hasPendingWork { world.startTimer(id, after: check.interval, tag: 0) }
  }

  /// Every address the node is discovered under (all DNS answers, all Cloud Map instances).
  func endpoints(in world: World) -> [UInt32] {
    switch plane.config.virtualNodes[node].discovery {
    case .cloudMap?:
      return plane.cloudMapInstances(of: node, healthStatus: .all, in: world).map(\.address)
    case .dns(let hostname, _)?:
      return world.authoritativeAnswer(hostname, fromVPC: nil, asker: id)?.addresses
        ?? privateAnswer(hostname, in: world)
    case nil:
      return []
    }
  }

  /// A private DNS name answered inside the node's VPC (the first VPC that answers).
  func privateAnswer(_ hostname: String, in world: World) -> [UInt32] {
    for vpc in world.model.vpcs.indices {
      if let answer = world.authoritativeAnswer(hostname, fromVPC: vpc, asker: id),
        !answer.addresses.isEmpty
      {
        return answer.addresses
      }
    }
    return []
  }

  /// Whether the host at `address` passes one check.
  func probe(_ address: UInt32, check: HealthCheckPolicy, in world: World) -> Bool {
    guard let index = world.addressBook[address] else { return false }
    let interface = world.interfaces[Int(index)]
    guard interface.isUp, interface.listeners[check.port ?? port] != nil else { return false }
    let owner = world.actors[Int(interface.owner)]
    guard let application = owner as? ApplicationActor else { return true }
    if let task = owner as? TaskActor, task.state != .running || task.failingHealthChecks {
      return false
    }
    guard check.protocolName == .http || check.protocolName == .http2 else { return true }
    let plan = application.behavior.plan(for: check.path ?? "/")
    if plan.resetConnection || !(200..<300).contains(plan.status) { return false }
    if case .fixed(let latency) = plan.latency, latency > check.timeout { return false }
    if !plan.failRatio.isZero && world.randomSource(id).pointee.chance(plan.failRatio) {
      return false
    }
    return true
  }

  func label(_ address: UInt32, _ world: World) -> String {
    world.addressBook[address].map { world.interfaces[Int($0)].label }
      ?? IPv4Address(address).description
  }
}
