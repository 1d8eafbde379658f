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
  static func isWindingDown(_ world: World) -> Bool { !world.hasPendingWork }

  /// Applies one check result to the target's health state.
  func record(_ id: Int, passed: Bool, in world: World) {
    let settings = targetGroups[targets[id].targetGroup].healthCheck
    var target = targets[id]
    guard target.state != .draining else { return }
    if !passed { target.lastFailure = target.pendingFailure }
    let before = target.state
    target.checks.record(
      passed: passed, healthyThreshold: settings.healthyThreshold,
      unhealthyThreshold: settings.unhealthyThreshold)
    target.state = LoadBalancerTarget.State(target.checks.state)
    targets[id] = target
    if target.state != before {
      let passes = target.checks.passes
      let why =
        target.state == .unhealthy
        ? " after \(target.checks.failures) failed checks (\(target.lastFailure ?? "failed"))"
        : " after \(passes) passed check\(passes == 1 ? "" : "s")"
      world.recordTimeline(
        "ELB: \(target.label) in target group '\(targetGroups[target.targetGroup].name)': "
          + "\(before.rawValue) → \(target.state.rawValue)\(why)")
    }
  }

  /// The node that checks a target: the one in the target's zone, else the first.
  func checkingNode(for target: LoadBalancerTarget) -> LoadBalancerNodeActor? {
    guard let balancer = targetGroups[target.targetGroup].loadBalancers.first else { return nil }
    let nodes = nodes(of: balancer)
    return nodes.first { $0.zone == target.zone } ?? nodes.first
  }

  /// What a health check of `targetID` finds now, and when its answer (or timeout) arrives.
  func checkResult(_ targetID: Int, in world: World) -> TargetHealthCheckResult {
    let target = targets[targetID]
    let settings = targetGroups[target.targetGroup].healthCheck
    guard let node = checkingNode(for: target) else {
      return .failed(after: settings.timeout, "Target.NotInUse: no load balancer uses the group")
    }
    let (listener, roundTrip): (Int32, SimDuration)
    switch connect(from: node, to: target, settings: settings, in: world) {
    case .failed(let result): return result
    case .connected(let port, let time): (listener, roundTrip) = (port, time)
    }
    if target.task >= 0 {
      let task = world.tasks[Int(target.task)]
      guard task.state == .running || task.state == .stopping else {
        return .failed(
          after: roundTrip, "Target.FailedHealthChecks: task \(task.name) is \(task.state.rawValue)"
        )
      }
      if task.failingHealthChecks {
        return .failed(
          after: roundTrip,
          settings.protocol == .tcp
            ? "Target.FailedHealthChecks: task \(task.name) fails its health checks (injected fault)"
            : "Target.ResponseCodeMismatch: task \(task.name) answers its health check with 503 (injected fault)"
        )
      }
    }
    guard settings.protocol != .tcp,
      let application = world.actors[Int(listener)] as? ApplicationActor
    else { return .passed(after: roundTrip) }
    return answer(of: application, settings: settings, roundTrip: roundTrip, in: world)
  }

  /// How a check's connection from `node` to `target` goes: the target's ENI must be up and in
  /// reach, both security groups must let it through, and something must listen on the port.
  func connect(
    from node: LoadBalancerNodeActor, to target: LoadBalancerTarget, settings: HealthCheckSettings,
    in world: World
  ) -> TargetHealthCheckConnection {
    let timeout = settings.timeout
    let source = world.interfaces[Int(node.interface)]
    let port = settings.port(forTargetPort: target.port)
    let address = IPv4Address(target.address)
    guard let index = world.addressBook[target.address], world.interfaces[Int(index)].isUp else {
      return .failed(.failed(after: timeout, "Target.Timeout: no running ENI has \(address)"))
    }
    let destination = world.interfaces[Int(index)]
    guard destination.vpc == source.vpc || destination.onInternet else {
      return .failed(
        .failed(
          after: timeout, "Target.Timeout: \(address) is not reachable from the load balancer's VPC"
        ))
    }
    if let denied = SecurityGroupFilter.egressDenial(
      from: source, to: target.address, port: port, in: world)
    {
      return .failed(.failed(after: timeout, "Target.Timeout: \(denied)"))
    }
    if case .denied(let reason) = SecurityGroupFilter.ingressDecision(
      to: destination, from: source, seenAddress: source.address, privatePath: true, port: port,
      in: world)
    {
      return .failed(.failed(after: timeout, "Target.Timeout: \(reason)"))
    }
    let roundTrip =
      world.oneWayLatency(source, destination) + world.oneWayLatency(destination, source)
    guard let listener = destination.listeners[port] else {
      return .failed(
        .failed(
          after: roundTrip,
          "Target.FailedHealthChecks: nothing listens on \(address):\(port) (connection refused)"))
    }
    return .connected(listener: listener, roundTrip: roundTrip)
  }

  /// What the application answers the HTTP check on its path, and whether the matcher accepts it
  /// within the timeout.
  func answer(
    of application: ApplicationActor, settings: HealthCheckSettings, roundTrip: SimDuration,
    in world: World
  ) -> TargetHealthCheckResult {
    let path = settings.path ?? "/"
    let plan = application.behavior.plan(for: path)
    if plan.resetConnection {
      return .failed(
        after: roundTrip, "Target.FailedHealthChecks: the application resets the connection")
    }
    let work: SimDuration
    switch plan.latency {
    case .fixed(let value): work = value
    case .exponential(let mean): work = mean
    }
    if work >= settings.timeout {
      return .failed(
        after: settings.timeout,
        "Target.Timeout: GET \(path) takes \(work), longer than the \(settings.timeout) timeout")
    }
    var status = plan.status
    if !plan.failRatio.isZero && world.randomSource(id).pointee.chance(plan.failRatio) {
      status = plan.failStatus
    }
    guard settings.matcher.matches(status) else {
      return .failed(
        after: roundTrip + work,
        "Target.ResponseCodeMismatch: GET \(path) answered \(status), expected \(settings.matcher)")
    }
    return .passed(after: roundTrip + work)
  }
}
