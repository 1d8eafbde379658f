import Diagnostics
import ScenarioFormat

extension LoadBalancingAnalysis {
  /// Health checks aimed at a port the task does not listen on, or answered (as far as the
  /// container's behaviour says) with a status the matcher rejects; IP targets registered on a
  /// port their endpoint does not listen on.
  static func healthCheckProblems(_ model: NetworkModel) -> [Diagnostic] {
    let elb = model.loadBalancing
    var findings: [Diagnostic] = []
    for attachment in elb.attachments {
      let group = elb.targetGroups[attachment.targetGroup]
      let service = model.services[attachment.service]
      let taskDefinition = model.taskDefinitions[service.taskDefinition]
      let settings = group.healthCheck
      let port = settings.port(forTargetPort: attachment.containerPort)
      guard let container = taskDefinition.container(listeningOn: port) else {
        findings.append(
          Diagnostic.finding(
            "analysis.health-check-port-closed", .warning,
            "health checks of target group '\(group.name)' go to port \(port), where no container of service "
              + "'\(service.name)' listens: every target fails its checks (the group then fails open)",
            at: group.source,
            hint: "use \"HealthCheckPort\": \"traffic-port\" or a port the task maps"))
        continue
      }
      guard settings.protocol != .tcp, let path = settings.path,
        let behavior = taskDefinition.containers[container].behavior
      else { continue }
      let plan = behavior.plan(for: path)
      guard plan.proxyPass == nil, plan.calls.isEmpty, !plan.resetConnection,
        !settings.matcher.matches(plan.status)
      else {
        continue
      }
      findings.append(
        Diagnostic.finding(
          "analysis.health-check-status-rejected", .warning,
          "health checks of target group '\(group.name)' request '\(path)' and container "
            + "'\(taskDefinition.containers[container].name)' answers \(plan.status), which matcher '\(settings.matcher)' rejects: "
            + "every target of service '\(service.name)' stays unhealthy", at: group.source,
          hint:
            "set 'HealthCheckPath' to a path that answers a success code, or widen 'Matcher.HttpCode'"
        ))
    }
    for entry in elb.changes {
      guard case .registerTargets(let index, let targets) = entry.change else { continue }
      let group = elb.targetGroups[index]
      for target in targets {
        guard let external = model.externals.first(where: { $0.address == target.address }),
          !external.ports.isEmpty, !external.ports.contains(target.port)
        else { continue }
        findings.append(
          Diagnostic.finding(
            "analysis.target-port-closed", .warning,
            "target \(target.address):\(target.port) of target group '\(group.name)' is endpoint '\(external.name)', "
              + "which listens on \(external.ports.map(String.init).joined(separator: ", ")), not \(target.port)",
            at: group.source))
      }
    }
    return findings
  }
}
