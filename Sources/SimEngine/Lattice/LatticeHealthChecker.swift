import NetworkModel
import SimKernel

/// VPC Lattice's health checks over simulated time (VPC Lattice user guide, "Health checks for
/// your target groups"; aws-behaviour §3.6).
///
/// Every `interval` each target of a target group with checks enabled is probed from Lattice's
/// link-local address in the target group's VPC: the probe needs a live ENI, security groups
/// that admit Lattice on the check port (§3.3), something listening, a task that is RUNNING
/// and not failing checks, and (for HTTP checks) an answer the matcher accepts for the check
/// path. New targets are probed as soon as they register. A probe is judged when it is sent
/// (its timeout does not delay the verdict).
public final class LatticeHealthChecker: SimActor {
  unowned let dataPlane: LatticeDataPlane

  init(dataPlane: LatticeDataPlane) {
    self.dataPlane = dataPlane
    super.init(name: "vpc-lattice health checks")
  }

  /// Starts the periodic checks of every target group that has them enabled.
  func start(in world: World) {
    for (group, targetGroup) in dataPlane.lattice.targetGroups.enumerated()
    where targetGroup.healthCheck.enabled {
      world.startTimer(id, after: targetGroup.healthCheck.interval, tag: Int64(group))
    }
  }

  public override func handleTimer(_ tag: Int64, in world: World) {
    let group = Int(tag)
    for index in dataPlane.targets.groups[group].indices {
      check(group: group, target: index, in: world)
    }
    // Checks go on while anything can still use their verdicts; then the run may end.
    guard world.hasPendingWork else { return }
    world.startTimer(
      id, after: dataPlane.lattice.targetGroups[group].healthCheck.interval, tag: tag)
  }

  /// Probes one target now and moves its health state.
  func check(group: Int, target index: Int, in world: World) {
    let check = dataPlane.lattice.targetGroups[group].healthCheck
    let verdict = probe(group: group, target: index, in: world)
    var entry = dataPlane.targets.groups[group][index]
    let before = entry.health
    entry.checks.record(
      passed: verdict.passed, healthyThreshold: check.healthyThreshold,
      unhealthyThreshold: check.unhealthyThreshold)
    entry.health = .init(entry.checks.state)
    dataPlane.targets.groups[group][index] = entry
    // The timeline shows state changes and the first check of a new streak of passes or failures.
    let streak = verdict.passed ? entry.checks.passes : entry.checks.failures
    if entry.health != before || streak == 1 {
      let name = dataPlane.lattice.targetGroups[group].name
      var state = entry.health.rawValue
      if entry.health == .unhealthy && verdict.passed {
        state += " (\(entry.checks.passes) of \(check.healthyThreshold) passes to HEALTHY)"
      }
      if entry.health == .healthy && !verdict.passed {
        state += " (\(entry.checks.failures) of \(check.unhealthyThreshold) failures to UNHEALTHY)"
      }
      world.recordTimeline(
        "VPC Lattice: health check of \(entry.label) in target group '\(name)' \(verdict.passed ? "passed" : "failed") (\(verdict.reason)); target \(state)"
      )
    }
  }

  /// Whether a probe from Lattice to the target would pass now, and why.
  func probe(group: Int, target index: Int, in world: World) -> (passed: Bool, reason: String) {
    let targetGroup = dataPlane.lattice.targetGroups[group]
    let check = targetGroup.healthCheck
    let entry = dataPlane.targets.groups[group][index]
    let port = check.port ?? entry.port
    guard let address = entry.address, let slot = world.addressBook[address] else {
      return (false, "no interface has the target's address")
    }
    let interface = world.interfaces[Int(slot)]
    guard interface.isUp else { return (false, "\(interface.label) is gone") }
    guard interface.vpc == targetGroup.vpc else {
      return (false, "the target is not in the target group's VPC")
    }
    let source = world.interfaces[
      Int(dataPlane.sourceInterface(vpc: targetGroup.vpc, zone: interface.zone, in: world))]
    if case .denied(let reason) = SecurityGroupFilter.ingressDecision(
      to: interface, from: source, seenAddress: source.address, privatePath: true, port: port,
      in: world)
    {
      return (false, reason)
    }
    guard let listener = interface.listeners[port] else {
      return (false, "nothing listens on port \(port)")
    }
    let actor = world.actors[Int(listener)]
    if let task = actor as? TaskActor {
      guard task.state == .running else { return (false, "task is \(task.state.rawValue)") }
      if task.failingHealthChecks { return (false, "the task fails its health checks") }
    }
    if check.checkProtocol == "TCP" { return (true, "connection accepted on port \(port)") }
    if let application = actor as? ApplicationActor {
      let plan = application.behavior.plan(for: check.path)
      if plan.resetConnection { return (false, "the application resets the connection") }
      if !check.matcher.matches(plan.status) {
        return (false, "\(check.path) answered \(plan.status), matcher \(check.matcher)")
      }
      return (true, "\(check.path) answered \(plan.status)")
    }
    return (true, "port \(port) answered")
  }

  /// Whether the target's security groups admit Lattice on the check port (nil: no interface).
  func admitsLattice(group: Int, target index: Int, in world: World) -> Bool? {
    let targetGroup = dataPlane.lattice.targetGroups[group]
    let entry = dataPlane.targets.groups[group][index]
    guard let address = entry.address, let slot = world.addressBook[address] else { return nil }
    let interface = world.interfaces[Int(slot)]
    let source = world.interfaces[
      Int(dataPlane.sourceInterface(vpc: targetGroup.vpc, zone: interface.zone, in: world))]
    let port = targetGroup.healthCheck.port ?? entry.port
    if case .allowed = SecurityGroupFilter.ingressDecision(
      to: interface, from: source, seenAddress: source.address, privatePath: true, port: port,
      in: world)
    {
      return true
    }
    return false
  }
}
