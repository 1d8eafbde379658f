import Diagnostics
import ScenarioFormat

extension LoadBalancingAnalysis {
  /// Security groups on the load-balancer path (VPC user guide, "Security group rules";
  /// Elastic Load Balancing guides, "Target security groups"): the load balancer's groups must
  /// admit clients on each listener port and let traffic out to the targets; the targets'
  /// groups must admit the load balancer — its groups, or, for an NLB without groups, its nodes'
  /// addresses (and with client IP preservation the clients' addresses). A group reference
  /// matches only traffic from an ENI carrying that group.
  static func securityGroupProblems(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let elb = model.loadBalancing
    for lb in elb.loadBalancers where !lb.securityGroups.isEmpty {
      let ingress = lb.securityGroups.flatMap { model.securityGroups[$0].ingress }
      for listener in lb.listeners.map({ elb.listeners[$0] })
      where !ingress.contains(where: { $0.coversTCP(port: listener.port) }) {
        findings.append(
          Diagnostic.finding(
            "analysis.load-balancer-blocks-listener", .warning,
            "no inbound rule of the security groups of \(lb.label) admits TCP port \(listener.port): every client of "
              + "listener '\(listener.name)' is dropped", at: listener.source,
            hint:
              "allow the listener port from the clients (0.0.0.0/0 for an internet-facing load balancer)"
          ))
      }
    }
    for attachment in elb.attachments {
      let group = elb.targetGroups[attachment.targetGroup]
      let service = model.services[attachment.service]
      var checks = [(port: attachment.containerPort, carriesTraffic: true)]
      let healthPort = group.healthCheck.port(forTargetPort: attachment.containerPort)
      if healthPort != attachment.containerPort { checks.append((healthPort, false)) }
      for balancer in group.loadBalancers {
        let lb = elb.loadBalancers[balancer]
        for (port, carriesTraffic) in checks {
          if let problem = targetAdmission(
            model, lb: lb, group: group, service: service, port: port,
            carriesTraffic: carriesTraffic)
          {
            findings.append(
              Diagnostic.finding(
                "analysis.target-blocks-load-balancer", .warning, problem, at: attachment.source,
                hint: lb.securityGroups.isEmpty
                  ? "allow the load balancer's subnets (or the VPC CIDR) on this port"
                  : "allow the load balancer's security group on this port"))
          }
          if !lb.securityGroups.isEmpty, !egressReaches(model, lb: lb, service: service, port: port)
          {
            findings.append(
              Diagnostic.finding(
                "analysis.load-balancer-egress-blocks-targets", .warning,
                "no outbound rule of the security groups of \(lb.label) lets traffic out to service '\(service.name)' on "
                  + "TCP port \(port)", at: attachment.source))
          }
        }
      }
    }
    return findings
  }

  /// Why the service's groups would drop the load balancer's traffic to `port`, or nil.
  static func targetAdmission(
    _ model: NetworkModel, lb: LoadBalancer, group: TargetGroup, service: ECSService, port: Int,
    carriesTraffic: Bool
  ) -> String? {
    let rules = service.securityGroups.flatMap { model.securityGroups[$0].ingress }.filter {
      $0.coversTCP(port: port)
    }
    let subject = "the security groups of service '\(service.name)'"
    let nodeBlocks = lb.subnets.map { model.subnets[$0].cidr }
    let fromNodes = nodeBlocks.allSatisfy { block in
      rules.contains { rule in covers(rule, block, model) }
    }
    if !lb.securityGroups.isEmpty {
      let byGroup = rules.contains { rule in
        rule.peers.contains { peer in
          if case .group(let index) = peer { return lb.securityGroups.contains(index) }
          return false
        }
      }
      if byGroup || fromNodes { return nil }
      let names = lb.securityGroups.map { model.securityGroups[$0].label }.joined(separator: ", ")
      return
        "\(subject) do not admit \(lb.label) (security groups \(names)) on TCP port \(port): its requests and "
        + "health checks are dropped"
    }
    if !fromNodes {
      return
        "\(subject) do not admit the addresses of \(lb.label), which has no security groups, on TCP port \(port): "
        + "its health checks\(group.attributes.preserveClientIP ? "" : " and requests") are dropped"
    }
    if group.attributes.preserveClientIP && lb.isInternetFacing && carriesTraffic {
      let admitsInternet = rules.contains { rule in
        rule.peers.contains { peer in
          if case .cidr(let block) = peer {
            return !block.first.isPrivate || block.prefixLength == 0
          }
          return false
        }
      }
      if !admitsInternet {
        return
          "\(lb.label) preserves client addresses, so targets see internet clients, but \(subject) admit no internet "
          + "address on TCP port \(port)"
      }
    }
    return nil
  }

  /// Whether `rule` admits every address of `block`.
  static func covers(_ rule: SecurityGroupRule, _ block: CIDRBlock, _ model: NetworkModel) -> Bool {
    rule.peers.contains { peer in
      switch peer {
      case .cidr(let allowed): return allowed.contains(block)
      case .prefixList(let index):
        return model.prefixLists[index].cidrs.contains { $0.contains(block) }
      case .group: return false
      }
    }
  }

  /// Whether the load balancer's groups let traffic out to the service's tasks on `port`.
  static func egressReaches(_ model: NetworkModel, lb: LoadBalancer, service: ECSService, port: Int)
    -> Bool
  {
    let rules = lb.securityGroups.flatMap { model.securityGroups[$0].egress }.filter {
      $0.coversTCP(port: port)
    }
    let taskBlocks = service.subnets.map { model.subnets[$0].cidr }
    return rules.contains { rule in
      rule.peers.contains { peer in
        if case .group(let index) = peer { return service.securityGroups.contains(index) }
        return false
      }
    } || taskBlocks.allSatisfy { block in rules.contains { covers($0, block, model) } }
  }
}
