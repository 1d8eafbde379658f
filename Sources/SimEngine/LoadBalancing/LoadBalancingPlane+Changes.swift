import NetworkModel
import ScenarioFormat
import SimKernel

/// ELB API calls scheduled as events, applied as the model builder resolved them.
extension LoadBalancingPlane: ServiceCallHandler {
  public func apply(_ call: ServiceCallSpec, in world: World) -> Bool {
    guard case .elb(let spec) = call.body else { return false }
    guard let change = world.model.loadBalancing.change(for: spec) else { return true }
    switch change {
    case .modifyListener(let index, let proto, let port, let action):
      let old = listeners[index].port
      listeners[index].protocol = proto
      listeners[index].port = port
      listeners[index].defaultAction = action
      listeners[index].rebuildRouteTable()
      let balancer = listeners[index].loadBalancer
      for node in nodes(of: balancer) where old != port {
        world.interfaces[Int(node.interface)].listeners[old] = nil
        world.interfaces[Int(node.interface)].listeners[port] = node.id
      }
      listeners[index].name = "\(loadBalancers[balancer].name):\(port)"
      world.recordTimeline(
        "ELB: listener \(proto.rawValue):\(port) of \(loadBalancers[balancer].label) now: "
          + action.summary(targetGroupNames: targetGroups.map(\.name)))
    case .modifyRule(let index, let position, let replacement):
      listeners[index].rules[position] = replacement
      listeners[index].rebuildRouteTable()
      world.recordTimeline(
        "ELB: \(replacement.label) of listener '\(listeners[index].name)': "
          + "\(replacement.condition.summary) → \(replacement.action.summary(targetGroupNames: targetGroups.map(\.name)))"
      )
    case .modifyTargetGroup(let group, let settings):
      targetGroups[group].healthCheck = settings
      world.recordTimeline(
        "ELB: target group '\(targetGroups[group].name)' health checks now every \(settings.interval)"
          + ", timeout \(settings.timeout), thresholds \(settings.healthyThreshold)/\(settings.unhealthyThreshold)"
      )
    case .modifyLoadBalancerAttributes(let balancer, let attributes):
      loadBalancers[balancer].attributes = attributes
      world.recordTimeline(
        "ELB: \(loadBalancers[balancer].label) attributes changed (cross-zone "
          + "\(attributes.crossZoneEnabled ? "on" : "off"), idle timeout \(attributes.idleTimeout))"
      )
    case .modifyTargetGroupAttributes(let group, let attributes):
      targetGroups[group].attributes = attributes
      world.recordTimeline("ELB: target group '\(targetGroups[group].name)' attributes changed")
    case .registerTargets(let group, let targets):
      for target in targets {
        let zone = world.model.subnets.first { $0.cidr.contains(target.address) }?.availabilityZone
        register(
          group: group, address: target.address.value, port: target.port, zone: zone, task: -1,
          label: "\(target.address):\(target.port)", in: world)
      }
    case .deregisterTargets(let group, let removed):
      for target in removed {
        for id in targetsOfGroup[group]
        where self.targets[id].address == target.address.value
          && self.targets[id].port == target.port
        {
          deregister(id, reason: "DeregisterTargets", in: world)
        }
      }
    }
    return true
  }
}
