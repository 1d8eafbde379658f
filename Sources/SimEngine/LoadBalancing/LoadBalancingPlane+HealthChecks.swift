import NetworkModel
import ScenarioFormat
import SimKernel

/// Health checks in simulated time. Each target is checked every `HealthCheckIntervalSeconds`
/// from the load balancer node in its zone (or the first node): over the network as it is now
/// (the node's egress and the target's ingress security groups, a listening port, a running
/// task) and, for HTTP checks, against what the application answers on `HealthCheckPath` and
/// within `HealthCheckTimeoutSeconds`. A check's result lands when its answer would: a round
/// trip later, or at the timeout when packets are dropped or the application is too slow.
extension LoadBalancingPlane {
  static let checkDueKind = 1
  static let checkPassedKind = 2
  static let checkFailedKind = 3
  static let drainedKind = 4

  /// Timer tag: kind in bits 0–7, target in bits 8–39, target generation above.
  func tag(target: Int, kind: Int) -> Int64 {
    Int64(kind) | Int64(target) << 8 | Int64(targets[target].generation & 0x3F_FFFF) << 40
  }

  func scheduleCheck(_ target: Int, after delay: SimDuration, in world: World) {
    world.startTimer(id, after: delay, tag: tag(target: target, kind: Self.checkDueKind))
  }

  func handleHealthTimer(_ tag: Int64, in world: World) {
    let kind = Int(tag & 0xFF)
    let target = Int((tag >> 8) & 0xFFFF_FFFF)
    guard targets.indices.contains(target) else { return }
    if kind == Self.drainedKind {
      targets[target].removed = true
      world.recordTimeline(
        "ELB: \(targets[target].label) removed from target group '\(targetGroups[targets[target].targetGroup].name)'"
      )
      return
    }
    guard Int(tag >> 40) == targets[target].generation & 0x3F_FFFF, targets[target].isRoutable
    else { return }
    switch kind {
    case Self.checkDueKind:
      let result = checkResult(target, in: world)
      targets[target].pendingFailure = result.passed ? nil : result.reason
      world.startTimer(
        id, after: result.delay,
        tag: self.tag(
          target: target, kind: result.passed ? Self.checkPassedKind : Self.checkFailedKind))
      if !Self.isWindingDown(world) {
        scheduleCheck(
          target, after: targetGroups[targets[target].targetGroup].healthCheck.interval, in: world)
      }
    case Self.checkPassedKind, Self.checkFailedKind:
      record(target, passed: kind == Self.checkPassedKind, in: world)
    default:
      break
    }
  }

  /// Whether nothing can happen any more that health checks could influence: every traffic
  /// stream has sent all its requests, none is in flight and no scenario event is left. Checks
  /// then stop, so a run ends when its traffic does.
  static func isWindingDown(_ world: World) -> Bool {
    world.exchanges.liveCount == 0
      && world.statistics.allSatisfy { $0.sent >= world.model.traffic[$0.stream].count }
      && world.model.events.allSatisfy { SimTime.zero + $0.at <= world.now }
  }

  /// Applies one check result to the target's health state.
  func record(_ id: Int, passed: Bool, in world: World) {
    let settings = targetGroups[targets[id].targetGroup].healthCheck
    var target = targets[id]
    if passed {
      target.consecutivePasses += 1
      target.consecutiveFailures = 0
    } else {
      target.consecutiveFailures += 1
      target.consecutivePasses = 0
      target.lastFailure = target.pendingFailure
    }
    let before = target.state
    switch target.state {
    case .initial:
      if passed {
        target.state = .healthy
      } else if target.consecutiveFailures >= settings.unhealthyThreshold {
        target.state = .unhealthy
      }
    case .healthy:
      if !passed && target.consecutiveFailures >= settings.unhealthyThreshold {
        target.state = .unhealthy
      }
    case .unhealthy:
      if passed && target.consecutivePasses >= settings.healthyThreshold { target.state = .healthy }
    case .draining:
      break
    }
    targets[id] = target
    if target.state != before {
      let why =
        target.state == .unhealthy
        ? " after \(target.consecutiveFailures) failed checks (\(target.lastFailure ?? "failed"))"
        : " after \(target.consecutivePasses) passed check\(target.consecutivePasses == 1 ? "" : "s")"
      world.recordTimeline(
        "ELB: \(target.label) in target group '\(targetGroups[target.targetGroup].name)': "
          + "\(before.rawValue) → \(target.state.rawValue)\(why)")
    }
  }

  /// The node that checks a target: the one in the target's zone, else the first.
  func checkingNode(for target: LoadBalancerTarget) -> LoadBalancerNodeActor? {
    guard let balancer = targetGroups[target.targetGroup].loadBalancers.first else { return nil }
    return nodes[balancer].first { $0.zone == target.zone } ?? nodes[balancer].first
  }

  /// What a health check of `id` finds now, and when its answer (or timeout) arrives.
  func checkResult(_ targetID: Int, in world: World) -> (
    passed: Bool, delay: SimDuration, reason: String
  ) {
    let target = targets[targetID]
    let settings = targetGroups[target.targetGroup].healthCheck
    let timeout = settings.timeout
    guard let node = checkingNode(for: target) else {
      return (false, timeout, "Target.NotInUse: no load balancer uses the group")
    }
    let source = world.interfaces[Int(node.interface)]
    let port = settings.port(forTargetPort: target.port)
    let endpoint = "\(IPv4Address(target.address)):\(port)"
    guard let index = world.addressBook[target.address], world.interfaces[Int(index)].isUp else {
      return (false, timeout, "Target.Timeout: no running ENI has \(IPv4Address(target.address))")
    }
    let destination = world.interfaces[Int(index)]
    guard destination.vpc == source.vpc || destination.onInternet else {
      return (
        false, timeout,
        "Target.Timeout: \(IPv4Address(target.address)) is not reachable from the load balancer's VPC"
      )
    }
    if let denied = SecurityGroupFilter.egressDenial(
      from: source, to: target.address, port: port, in: world)
    {
      return (false, timeout, "Target.Timeout: \(denied)")
    }
    if case .denied(let reason) = SecurityGroupFilter.ingressDecision(
      to: destination, from: source, seenAddress: source.address, privatePath: true, port: port,
      in: world)
    {
      return (false, timeout, "Target.Timeout: \(reason)")
    }
    let roundTrip =
      world.oneWayLatency(source, destination) + world.oneWayLatency(destination, source)
    guard let listener = destination.listeners[port] else {
      return (
        false, roundTrip,
        "Target.FailedHealthChecks: nothing listens on \(endpoint) (connection refused)"
      )
    }
    if target.task >= 0 {
      let task = world.tasks[Int(target.task)]
      guard task.state == .running || task.state == .stopping else {
        return (
          false, roundTrip, "Target.FailedHealthChecks: task \(task.name) is \(task.state.rawValue)"
        )
      }
      if task.failingHealthChecks {
        return settings.protocol == .tcp
          ? (
            false, roundTrip,
            "Target.FailedHealthChecks: task \(task.name) fails its health checks (injected fault)"
          )
          : (
            false, roundTrip,
            "Target.ResponseCodeMismatch: task \(task.name) answers its health check with 503 (injected fault)"
          )
      }
    }
    guard settings.protocol != .tcp,
      let application = world.actors[Int(listener)] as? ApplicationActor
    else {
      return (true, roundTrip, "")
    }
    let path = settings.path ?? "/"
    let plan = application.behavior.plan(for: path)
    if plan.resetConnection {
      return (false, roundTrip, "Target.FailedHealthChecks: the application resets the connection")
    }
    let work: SimDuration
    switch plan.latency {
    case .fixed(let value): work = value
    case .exponential(let mean): work = mean
    }
    if work >= timeout {
      return (
        false, timeout,
        "Target.Timeout: GET \(path) takes \(work), longer than the \(timeout) timeout"
      )
    }
    var status = plan.status
    if !plan.failRatio.isZero && world.randomSource(id).pointee.chance(plan.failRatio) {
      status = plan.failStatus
    }
    guard settings.matcher.matches(status) else {
      return (
        false, roundTrip + work,
        "Target.ResponseCodeMismatch: GET \(path) answered \(status), expected \(settings.matcher)"
      )
    }
    return (true, roundTrip + work, "")
  }
}
