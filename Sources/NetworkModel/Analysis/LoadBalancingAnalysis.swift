import Diagnostics
import ScenarioFormat

/// The load-balancer checks `meshsim check` runs on a valid model: configurations AWS accepts
/// but that cannot work as probably intended.
///
/// Warnings: ALB rules a higher-priority rule always pre-empts; target groups nothing registers
/// in; health checks aimed at a port nothing listens on or answered with a code the matcher
/// rejects; target security groups that do not admit the load balancer (its groups, or for an
/// NLB without groups its nodes' or clients' addresses); load balancer groups that admit no
/// client on a listener port or let nothing out to the targets. A note explains that ECS
/// registers tasks on the container port whatever the target group's own `Port` says.
public enum LoadBalancingAnalysis {
  /// Every finding, in model order (the diagnostic engine sorts them for reporting).
  public static func run(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    findings += shadowedRules(model)
    findings += targetGroupsWithoutTargets(model)
    findings += healthCheckProblems(model)
    findings += containerPortNotes(model)
    findings += securityGroupProblems(model)
    return findings
  }

  /// Rules that can never be the first match because an earlier (higher-priority) rule matches
  /// every request they match.
  static func shadowedRules(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let elb = model.loadBalancing
    for listener in elb.listeners
    where elb.loadBalancers[listener.loadBalancer].kind == .application {
      for (shadowed, earlier) in listener.routeTable.shadowedRules()
      where shadowed < listener.rules.count {
        let rule = listener.rules[shadowed]
        let winner = listener.rules[earlier]
        findings.append(
          Diagnostic.finding(
            "analysis.rule-shadowed", .warning,
            "\(rule.label) on listener '\(listener.name)' can never match: \(winner.label) matches every request it matches",
            at: rule.source,
            notes: [.init(message: "\(winner.label) is here", location: winner.source.location)],
            hint: "give the narrower rule the lower priority number"))
      }
    }
    return findings
  }

  /// Target groups no ECS service (and no `registerTargets` event) puts targets in, and groups
  /// no listener or rule forwards to.
  static func targetGroupsWithoutTargets(_ model: NetworkModel) -> [Diagnostic] {
    let elb = model.loadBalancing
    var registered = Set(elb.attachments.map(\.targetGroup))
    for entry in elb.changes {
      if case .registerTargets(let group, _) = entry.change { registered.insert(group) }
    }
    var findings: [Diagnostic] = []
    for (index, group) in elb.targetGroups.enumerated() {
      if group.loadBalancers.isEmpty {
        findings.append(
          Diagnostic.finding(
            "analysis.target-group-unused", .warning,
            "target group '\(group.name)' is not used by any listener or rule", at: group.source))
      } else if !registered.contains(index) {
        findings.append(
          Diagnostic.finding(
            "analysis.target-group-without-targets", .warning,
            "target group '\(group.name)' has no targets: no ECS service registers in it, so requests forwarded to it get 503",
            at: group.source,
            hint:
              "attach a service with its 'loadBalancers' field (targetGroupArn, containerName, containerPort)"
          ))
      }
    }
    return findings
  }

  /// ECS registers the container port; a different target-group `Port` is only a default.
  static func containerPortNotes(_ model: NetworkModel) -> [Diagnostic] {
    let elb = model.loadBalancing
    return elb.attachments.compactMap { attachment in
      let group = elb.targetGroups[attachment.targetGroup]
      guard group.port != attachment.containerPort else { return nil }
      let service = model.services[attachment.service]
      return Diagnostic.finding(
        "analysis.target-port-from-container", .note,
        "target group '\(group.name)' declares port \(group.port), but ECS registers the tasks of service "
          + "'\(service.name)' on container port \(attachment.containerPort); traffic and traffic-port health checks "
          + "go to port \(attachment.containerPort), so this works", at: attachment.source)
    }
  }
}
