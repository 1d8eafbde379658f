import NetworkModel
import SimKernel

/// Applies timed scenario events to the world.
enum ScenarioEventApplier {
  static func apply(_ event: ScenarioEvent, in world: World) {
    world.recordTimeline("event: \(event.summary)")
    switch event.action {
    case .scaleService(let service, let count):
      world.ecs.scale(service: service, to: count, in: world)
    case .redeployService(let service):
      world.ecs.redeploy(service: service, in: world)
    case .stopTask(let service, let ordinal):
      if let task = world.ecs.task(service: service, ordinal: ordinal) { world.ecs.stopAndReplace(task, in: world) }
    case .setHealthCheckFailure(let service, let ordinal, let failing):
      if let task = world.ecs.task(service: service, ordinal: ordinal) {
        world.ecs.setHealthCheckFailure(task, failing: failing, in: world)
      }
    case .changeSecurityGroup(let group, let ingress, let authorize, let rules):
      change(group: group, ingress: ingress, authorize: authorize, rules: rules, in: world)
    case .serviceCall(let call):
      for handler in world.serviceCallHandlers where handler.apply(call, in: world) { return }
    }
  }

  /// EC2 applies rule changes at once to every ENI carrying the group.
  static func change(group: Int, ingress: Bool, authorize: Bool, rules: [SecurityGroupRule], in world: World) {
    func same(_ a: SecurityGroupRule, _ b: SecurityGroupRule) -> Bool {
      a.ipProtocol == b.ipProtocol && a.ports == b.ports && Set(a.peers) == Set(b.peers)
    }
    if ingress {
      if authorize { world.securityGroups[group].ingress += rules } else {
        world.securityGroups[group].ingress.removeAll { existing in rules.contains { same($0, existing) } }
      }
    } else {
      if authorize { world.securityGroups[group].egress += rules } else {
        world.securityGroups[group].egress.removeAll { existing in rules.contains { same($0, existing) } }
      }
    }
    for observer in world.lifecycleObservers { observer.securityGroupsChanged(in: world) }
  }
}
