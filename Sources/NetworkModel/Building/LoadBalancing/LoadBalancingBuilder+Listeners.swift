import Diagnostics
import RouteMatching
import ScenarioFormat

/// Listeners and rules.
extension LoadBalancingBuilder {
  func buildListener(_ spec: ListenerSpec) {
    let source = spec.source
    guard
      let balancer = resolveLoadBalancer(spec.loadBalancer, at: field(source, "LoadBalancerArn"))
    else { return }
    let lb = result.loadBalancers[balancer]
    let fits = lb.kind == .application ? spec.protocol.isApplication : spec.protocol.isNetwork
    if !fits {
      let allowed = lb.kind == .application ? "HTTP or HTTPS" : "TCP, TLS, UDP or TCP_UDP"
      error(
        "model.invalid-listener-protocol",
        "\(lb.label) cannot listen with \(spec.protocol.rawValue); use \(allowed)",
        at: field(source, "Protocol"))
      return
    }
    if (spec.protocol == .https || spec.protocol == .tls) && spec.certificates.isEmpty {
      error(
        "model.missing-certificate",
        "a \(spec.protocol.rawValue) listener needs a server certificate in 'Certificates'",
        at: source)
    }
    if let existing = lb.listeners.first(where: { result.listeners[$0].port == spec.port }) {
      error(
        "model.duplicate-listener", "\(lb.label) already has a listener on port \(spec.port)",
        at: field(source, "Port"),
        notes: [
          .init(
            message: "first declared here", location: result.listeners[existing].source.location)
        ])
      return
    }
    let action = terminalAction(
      spec.defaultActions, protocol: spec.protocol, balancer: balancer,
      at: field(source, "DefaultActions"))
    let name = "\(lb.name):\(spec.port)"
    let arn = spec.arn ?? listenerARN(balancer: balancer, port: spec.port)
    guard let action else { return }
    let index = result.listeners.count
    if !listenerTable.declare(
      name, aliases: [arn, spec.tags.nameTag], index: index, source: source)
    {
      base.duplicate("listener", name, at: source, table: listenerTable)
      return
    }
    result.loadBalancers[balancer].listeners.append(index)
    result.listeners.append(
      LoadBalancerListener(
        name: name, arn: arn, loadBalancer: balancer, protocol: spec.protocol, port: spec.port,
        certificates: spec.certificates, rules: [], defaultAction: action,
        routeTable: RouteTable(rules: []),
        source: source))
  }

  func listenerARN(balancer: Int, port: Int) -> String {
    let lb = result.loadBalancers[balancer]
    let type = lb.kind == .application ? "app" : "net"
    let lbID = lb.arn.split(separator: "/").last.map(String.init) ?? ""
    return
      "\(arnPrefix)listener/\(type)/\(lb.name)/\(lbID)/\(Self.identifier("listener/\(lb.name)/\(port)"))"
  }

  func buildRule(_ spec: ListenerRuleSpec) {
    let source = spec.source
    guard let listenerIndex = resolveListener(spec.listener, at: field(source, "ListenerArn"))
    else { return }
    let listener = result.listeners[listenerIndex]
    let lb = result.loadBalancers[listener.loadBalancer]
    guard lb.kind == .application else {
      error(
        "model.invalid-rule",
        "\(lb.label) listeners have no rules; their default action forwards every connection",
        at: field(source, "ListenerArn"))
      return
    }
    if let existing = listener.rules.first(where: { $0.priority == spec.priority }) {
      error(
        "model.priority-in-use",
        "priority \(spec.priority) is already used on \(listener.label) of \(lb.label)",
        at: field(source, "Priority"),
        notes: [.init(message: "first used here", location: existing.source.location)])
      return
    }
    let conditions = compileConditions(spec.conditions, at: source)
    let action = terminalAction(
      spec.actions, protocol: listener.protocol, balancer: listener.loadBalancer,
      at: field(source, "Actions"))
    guard let conditions, let action else { return }
    let reference = "\(listener.name):\(spec.priority)"
    let ruleID = Self.identifier("rule/\(reference)")
    let arn =
      spec.arn ?? listener.arn.replacingAll(":listener/", with: ":listener-rule/") + "/\(ruleID)"
    if !ruleTable.declare(
      reference, aliases: [arn, spec.tags.nameTag], index: ruleLocations.count, source: source)
    {
      base.duplicate("listener rule", reference, at: source, table: ruleTable)
      return
    }
    ruleLocations.append((listenerIndex, spec.priority))
    result.listeners[listenerIndex].rules.append(
      ListenerRule(
        arn: arn, tagName: spec.tags.nameTag, priority: spec.priority, conditions: conditions,
        action: action,
        source: source))
  }

  /// Sorts each listener's rules by priority and compiles its route table; warns past the
  /// default quota of 100 rules per ALB.
  func finishListeners() {
    for index in result.listeners.indices {
      result.listeners[index].rules.sort { $0.priority < $1.priority }
      result.listeners[index].rebuildRouteTable()
    }
    for lb in result.loadBalancers where lb.kind == .application {
      let count = lb.listeners.reduce(0) { $0 + result.listeners[$1].rules.count }
      if count > 100 {
        warning(
          "model.quota-exceeded",
          "\(lb.label) has \(count) rules; the default quota is 100 per ALB (adjustable)",
          at: lb.source)
      }
    }
  }

  /// Records which load balancers use each target group and checks that a group serves one
  /// load balancer of its own kind in its own VPC.
  func linkTargetGroups() {
    for (index, listener) in result.listeners.enumerated() {
      let lb = result.loadBalancers[listener.loadBalancer]
      for group in listener.targetGroups {
        let targetGroup = result.targetGroups[group]
        if !result.targetGroups[group].loadBalancers.contains(listener.loadBalancer) {
          if let other = targetGroup.loadBalancers.first {
            error(
              "model.target-group-shared",
              "target group '\(targetGroup.name)' is used by \(result.loadBalancers[other].label) and \(lb.label); "
                + "a target group serves one load balancer", at: listener.source)
          }
          result.targetGroups[group].loadBalancers.append(listener.loadBalancer)
        }
        if let vpc = targetGroup.vpc, vpc != lb.vpc {
          error(
            "model.vpc-mismatch",
            "target group '\(targetGroup.name)' is in VPC '\(model.vpcs[vpc].name)', "
              + "\(lb.label) in '\(model.vpcs[lb.vpc].name)'", at: result.listeners[index].source)
        }
      }
    }
  }
}
