import NetworkModel
import SimKernel

/// The targets registered in each Lattice target group and their health, including ECS tasks
/// that register while they run (`vpcLatticeConfigurations`, aws-behaviour §3.9).
///
/// Health follows Lattice's target states: a new target is `INITIAL` until it passes one check;
/// `HEALTHY` targets become `UNHEALTHY` after `unhealthyThreshold` failures in a row and recover
/// after `healthyThreshold` passes; with checks disabled a target is `UNAVAILABLE` and still
/// receives traffic. Requests go to `HEALTHY` and `UNAVAILABLE` targets only, round robin;
/// there is no fail-open (gap C13).
public final class LatticeTargetRegistry: TaskLifecycleObserver {
  /// A target's health state as `ListTargets` reports it.
  public enum Health: String, Sendable {
    case initial = "INITIAL"
    case healthy = "HEALTHY"
    case unhealthy = "UNHEALTHY"
    case unavailable = "UNAVAILABLE"

    public var receivesTraffic: Bool { self == .healthy || self == .unavailable }

    /// The state the health checks give.
    init(_ health: HealthCheckStreak.State) {
      switch health {
      case .initial: self = .initial
      case .healthy: self = .healthy
      case .unhealthy: self = .unhealthy
      }
    }
  }

  /// One registered target.
  public struct Entry: Sendable {
    public var kind: LatticeTarget.Kind
    /// The ECS task (index in `World.tasks`) for ECS-registered targets, else -1.
    public var task: Int32
    /// Resolved address (nil for load balancers, resolved per request).
    public var address: UInt32?
    public var port: Int
    /// `checks.state`, or `UNAVAILABLE` when the group's checks are disabled.
    public var health: Health
    /// The consecutive health-check results that move `health`.
    public var checks = HealthCheckStreak()
    /// Whether the target's security groups admitted Lattice at the last look.
    public var admitsLattice: Bool?
    public var label: String
  }

  unowned let dataPlane: LatticeDataPlane
  public internal(set) var groups: [[Entry]]
  var nextTarget: [Int]

  init(dataPlane: LatticeDataPlane) {
    self.dataPlane = dataPlane
    self.groups = Array(repeating: [], count: dataPlane.lattice.targetGroups.count)
    self.nextTarget = Array(repeating: 0, count: dataPlane.lattice.targetGroups.count)
  }

  /// Registers the targets listed in the scenario (IP, instance, ALB) at time zero.
  func registerStaticTargets(in world: World) {
    let instances = Dictionary(
      uniqueKeysWithValues: world.actors.compactMap { actor -> (Int, Int32)? in
        guard let endpoint = actor as? ExternalEndpointActor, endpoint.serviceCode <= -2 else {
          return nil
        }
        return (Int(-2 - endpoint.serviceCode), endpoint.interface)
      })
    for (group, targetGroup) in dataPlane.lattice.targetGroups.enumerated() {
      for target in targetGroup.targets {
        var address: UInt32?
        var label: String
        switch target.kind {
        case .address(let ip):
          address = ip.value
          label = "\(ip):\(target.port)"
        case .instance(let endpoint):
          address = instances[endpoint].map { world.interfaces[Int($0)].address }
          label =
            "\(address.map { IPv4Address($0).description } ?? "?"):\(target.port) (\(world.model.externals[endpoint].name))"
        case .loadBalancer(let name):
          label = "\(name):\(target.port)"
        }
        register(
          Entry(
            kind: target.kind, task: -1, address: address, port: target.port, health: .initial,
            label: label),
          in: group, world: world)
      }
    }
  }

  func register(_ entry: Entry, in group: Int, world: World) {
    var entry = entry
    let check = dataPlane.lattice.targetGroups[group].healthCheck
    entry.health = check.enabled ? .initial : .unavailable
    groups[group].append(entry)
    groups[group][groups[group].count - 1].admitsLattice =
      dataPlane.healthChecker.admitsLattice(
        group: group, target: groups[group].count - 1, in: world)
    world.recordTimeline(
      "VPC Lattice: registered \(entry.label) in target group '\(dataPlane.lattice.targetGroups[group].name)' (\(entry.health.rawValue))"
    )
    if check.enabled {
      dataPlane.healthChecker.check(group: group, target: groups[group].count - 1, in: world)
    }
  }

  /// The next target to receive a request, round robin over those that receive traffic.
  func pick(group: Int) -> Entry? {
    let entries = groups[group]
    guard !entries.isEmpty else { return nil }
    for step in 0..<entries.count {
      let index = (nextTarget[group] + step) % entries.count
      if entries[index].health.receivesTraffic {
        nextTarget[group] = index + 1
        return entries[index]
      }
    }
    return nil
  }

  // MARK: - ECS native registration

  public func taskRunning(_ task: TaskActor, in world: World) {
    for registration in dataPlane.lattice.ecsRegistrations
    where registration.service == task.service {
      let address = world.interfaces[Int(task.interface)].address
      register(
        Entry(
          kind: .address(IPv4Address(address)), task: task.taskIndex, address: address,
          port: registration.port,
          health: .initial, label: "\(IPv4Address(address)):\(registration.port) (\(task.name))"),
        in: registration.targetGroup, world: world)
    }
  }

  public func taskStopping(_ task: TaskActor, in world: World) {
    for group in groups.indices {
      let before = groups[group].count
      groups[group].removeAll { $0.task == task.taskIndex }
      if groups[group].count != before {
        world.recordTimeline(
          "VPC Lattice: deregistered \(task.name) from target group '\(dataPlane.lattice.targetGroups[group].name)'"
        )
      }
    }
  }

  /// Security-group changes decide whether health checks from Lattice get through from the
  /// next check on; the timeline says when a target starts or stops admitting Lattice.
  public func securityGroupsChanged(in world: World) {
    for group in groups.indices {
      for index in groups[group].indices {
        guard
          let admits = dataPlane.healthChecker.admitsLattice(group: group, target: index, in: world)
        else { continue }
        let before = groups[group][index].admitsLattice
        groups[group][index].admitsLattice = admits
        if let before, before != admits {
          world.recordTimeline(
            "VPC Lattice: security groups of \(groups[group][index].label) now \(admits ? "admit" : "block") traffic from VPC Lattice (target group '\(dataPlane.lattice.targetGroups[group].name)')"
          )
        }
      }
    }
  }
}
