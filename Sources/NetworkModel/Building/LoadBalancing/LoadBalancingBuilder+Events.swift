import ScenarioFormat

/// ELB API-call events, resolved in the order they fire against a working copy of the
/// configuration, so each change records the full state after it.
extension LoadBalancingBuilder {
  func buildEvents() {
    var working = result
    for (_, spec) in document.serviceCalls(\.elb) {
      guard let change = resolve(spec, working: working) else { continue }
      apply(change, to: &working)
      result.changes.append((spec.source, change))
    }
  }

  func resolve(_ spec: ELBCallSpec, working: LoadBalancingModel) -> LoadBalancerChange? {
    switch spec {
    case .modifyListener(let body):
      return modifyListener(body, working: working)
    case .modifyRule(let body):
      return modifyRule(body, working: working)
    case .modifyTargetGroup(let body):
      guard
        let group = resolveTargetGroup(body.targetGroup, at: field(body.source, "TargetGroupArn"))
      else { return nil }
      let current = working.targetGroups[group]
      return healthCheck(
        body.healthCheck, base: current.healthCheck, protocol: current.protocol,
        version: current.protocolVersion, targetType: current.targetType
      )
      .map { .modifyTargetGroup(targetGroup: group, healthCheck: $0) }
    case .modifyLoadBalancerAttributes(let body):
      guard
        let index = resolveLoadBalancer(body.resource, at: field(body.source, "LoadBalancerArn"))
      else { return nil }
      return loadBalancerAttributes(body, onto: working.loadBalancers[index])
        .map { .modifyLoadBalancerAttributes(loadBalancer: index, attributes: $0) }
    case .modifyTargetGroupAttributes(let body):
      guard let index = resolveTargetGroup(body.resource, at: field(body.source, "TargetGroupArn"))
      else { return nil }
      return targetGroupAttributes(body, onto: working.targetGroups[index])
        .map { .modifyTargetGroupAttributes(targetGroup: index, attributes: $0) }
    case .registerTargets(let body):
      return registration(body).map { .registerTargets(targetGroup: $0.group, targets: $0.targets) }
    case .deregisterTargets(let body):
      return registration(body).map {
        .deregisterTargets(targetGroup: $0.group, targets: $0.targets)
      }
    }
  }

  func apply(_ change: LoadBalancerChange, to working: inout LoadBalancingModel) {
    switch change {
    case .modifyListener(let listener, let proto, let port, let action):
      working.listeners[listener].protocol = proto
      working.listeners[listener].port = port
      working.listeners[listener].defaultAction = action
      working.listeners[listener].rebuildRouteTable()
    case .modifyRule(let listener, let rule, let replacement):
      working.listeners[listener].rules[rule] = replacement
      working.listeners[listener].rebuildRouteTable()
    case .modifyTargetGroup(let group, let settings):
      working.targetGroups[group].healthCheck = settings
    case .modifyLoadBalancerAttributes(let index, let attributes):
      working.loadBalancers[index].attributes = attributes
    case .modifyTargetGroupAttributes(let index, let attributes):
      working.targetGroups[index].attributes = attributes
    case .registerTargets, .deregisterTargets:
      break
    }
  }

  func modifyListener(_ body: ModifyListenerSpec, working: LoadBalancingModel)
    -> LoadBalancerChange?
  {
    guard let index = resolveListener(body.listener, at: field(body.source, "ListenerArn")) else {
      return nil
    }
    let listener = working.listeners[index]
    let lb = working.loadBalancers[listener.loadBalancer]
    let proto = body.protocol ?? listener.protocol
    if lb.kind == .application ? !proto.isApplication : !proto.isNetwork {
      error(
        "model.invalid-listener-protocol", "\(lb.label) cannot listen with \(proto.rawValue)",
        at: field(body.source, "Protocol"))
      return nil
    }
    let certificates = body.certificates ?? listener.certificates
    if (proto == .https || proto == .tls) && certificates.isEmpty {
      error(
        "model.missing-certificate",
        "a \(proto.rawValue) listener needs a server certificate in 'Certificates'", at: body.source
      )
      return nil
    }
    let port = body.port ?? listener.port
    if port != listener.port, lb.listeners.contains(where: { working.listeners[$0].port == port }) {
      error(
        "model.duplicate-listener", "\(lb.label) already has a listener on port \(port)",
        at: field(body.source, "Port"))
      return nil
    }
    var action = listener.defaultAction
    if let specs = body.defaultActions {
      guard
        let resolved = terminalAction(
          specs, protocol: proto, balancer: listener.loadBalancer,
          at: field(body.source, "DefaultActions"))
      else { return nil }
      guard linkNewTargetGroups(of: resolved, balancer: listener.loadBalancer, at: body.source)
      else { return nil }
      action = resolved
    }
    return .modifyListener(listener: index, protocol: proto, port: port, defaultAction: action)
  }

  func modifyRule(_ body: ModifyRuleSpec, working: LoadBalancingModel) -> LoadBalancerChange? {
    guard let entry = resolveRule(body.rule, at: field(body.source, "RuleArn")) else { return nil }
    let location = ruleLocations[entry]
    let listener = working.listeners[location.listener]
    guard let position = listener.rules.firstIndex(where: { $0.priority == location.priority })
    else { return nil }
    var rule = listener.rules[position]
    if let conditions = body.conditions {
      guard let compiled = compileConditions(conditions, at: body.source) else { return nil }
      rule.conditions = compiled
    }
    if let actions = body.actions {
      guard
        let action = terminalAction(
          actions, protocol: listener.protocol, balancer: listener.loadBalancer,
          at: field(body.source, "Actions")),
        linkNewTargetGroups(of: action, balancer: listener.loadBalancer, at: body.source)
      else { return nil }
      rule.action = action
    }
    return .modifyRule(listener: location.listener, rule: position, replacement: rule)
  }

  /// Records that `action`'s target groups serve `balancer`; false (reported) when one already
  /// serves another load balancer.
  func linkNewTargetGroups(of action: LoadBalancerAction, balancer: Int, at source: SourceRef)
    -> Bool
  {
    for group in action.targetGroups {
      let targetGroup = result.targetGroups[group]
      if let other = targetGroup.loadBalancers.first(where: { $0 != balancer }) {
        error(
          "model.target-group-shared",
          "target group '\(targetGroup.name)' already serves "
            + "\(result.loadBalancers[other].label); a target group serves one load balancer",
          at: source)
        return false
      }
      if let vpc = targetGroup.vpc, vpc != result.loadBalancers[balancer].vpc {
        error(
          "model.vpc-mismatch",
          "target group '\(targetGroup.name)' is in another VPC than "
            + "\(result.loadBalancers[balancer].label)", at: source)
        return false
      }
      if !targetGroup.loadBalancers.contains(balancer) {
        result.targetGroups[group].loadBalancers.append(balancer)
      }
    }
    return true
  }

  /// `RegisterTargets` / `DeregisterTargets` of IP targets: addresses in the group's VPC unless
  /// the zone is `all` (addresses outside the VPC).
  func registration(_ body: TargetRegistrationSpec) -> (group: Int, targets: [IPTarget])? {
    guard let group = resolveTargetGroup(body.targetGroup, at: field(body.source, "TargetGroupArn"))
    else { return nil }
    let targetGroup = result.targetGroups[group]
    guard targetGroup.targetType == .ip else {
      error(
        "model.unsupported",
        "instance targets are not modelled (the scenario has no EC2 instances)",
        at: field(body.source, "TargetGroupArn"),
        hint:
          "register ECS tasks through the service's 'loadBalancers', or use an 'ip' target group")
      return nil
    }
    var targets: [IPTarget] = []
    for target in body.targets {
      guard let address = IPv4Address(target.id) else {
        error(
          "model.invalid-target",
          "target id '\(target.id)' is not an IPv4 address (ip target group '\(targetGroup.name)')",
          at: field(target.source, "Id"))
        return nil
      }
      let inVPC = targetGroup.vpc.map { model.vpcs[$0].cidr.contains(address) } ?? false
      if !inVPC && target.availabilityZone != "all" {
        error(
          "model.invalid-target",
          "target \(address) is outside the target group's VPC; register it with \"AvailabilityZone\": \"all\"",
          at: field(target.source, "Id"))
        return nil
      }
      if !address.isPrivate && !(address.value >> 22 == 0x191) {
        error(
          "model.invalid-target",
          "ip targets must have private (RFC 1918 or RFC 6598) addresses, not \(address)",
          at: field(target.source, "Id"))
        return nil
      }
      targets.append(IPTarget(address: address, port: target.port ?? targetGroup.port))
    }
    return (group, targets)
  }
}
