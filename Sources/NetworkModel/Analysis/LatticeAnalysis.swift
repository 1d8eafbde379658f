import Diagnostics
import ScenarioFormat

/// `meshsim check`'s VPC Lattice analyses: configurations AWS accepts but that do not do what
/// their author probably meant (aws-behaviour §3, §7 items 32–41).
///
/// - a rule no request can reach, because an earlier rule matches everything it matches;
/// - target security groups that do not admit the Lattice prefix list (health checks and
///   traffic come from 169.254.171.0/24, so they fail);
/// - `AWS_IAM` auth with no policy (every request denied), or a policy on a `NONE` resource
///   (inactive);
/// - a service associated with no service network (unreachable).
public enum LatticeAnalysis {
  public static func run(_ model: NetworkModel) -> [Diagnostic] {
    let lattice = model.lattice
    guard !lattice.isEmpty else { return [] }
    return shadowedRules(lattice) + targetSecurityGroups(model) + authFindings(lattice)
      + unassociatedServices(lattice)
  }

  static func shadowedRules(_ lattice: LatticeModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for listener in lattice.listeners where listener.listenerProtocol != .tlsPassthrough {
      let rules = listener.rules
      let table = listener.routeTable
      for (shadowed, by) in table.shadowedRules() where shadowed < rules.count && by < rules.count {
        findings.append(
          Diagnostic.warning(
            "analysis.lattice-rule-shadowed",
            "rule '\(rules[shadowed].name)' (priority \(rules[shadowed].priority)) on \(listener.label) can never match: rule '\(rules[by].name)' (priority \(rules[by].priority)) matches every request it would",
            at: rules[shadowed].source,
            hint:
              "give it a lower priority number than '\(rules[by].name)', or narrow the earlier rule"
          ))
      }
    }
    return findings
  }

  /// Targets whose security groups admit no traffic from the Lattice range on the traffic or
  /// health-check port.
  static func targetSecurityGroups(_ model: NetworkModel) -> [Diagnostic] {
    let lattice = model.lattice
    var findings: [Diagnostic] = []
    func check(
      groups: [Int], port: Int, what: String, group: LatticeTargetGroup, at source: SourceRef
    ) {
      guard !groups.isEmpty else { return }
      var ports = [port]
      if group.healthCheck.enabled, let checkPort = group.healthCheck.port, checkPort != port {
        ports.append(checkPort)
      }
      for port in ports where !admitsLattice(groups, port: port, model: model) {
        let names = groups.map { model.securityGroups[$0].label }.joined(separator: ", ")
        findings.append(
          Diagnostic.warning(
            "analysis.lattice-target-blocks-lattice",
            "\(what) in target group '\(group.name)' has security groups \(names) that do not admit the VPC Lattice prefix list on tcp/\(port): health checks and requests from Lattice (169.254.171.0/24) will fail",
            at: source,
            hint:
              "add an inbound rule for tcp/\(port) from prefix list com.amazonaws.\(model.region).vpc-lattice"
          ))
      }
    }
    for group in lattice.targetGroups where group.type != .alb {
      for target in group.targets {
        switch target.kind {
        case .address(let address):
          if let endpoint = model.externals.first(where: { $0.address == address }) {
            check(
              groups: endpoint.securityGroups, port: target.port, what: "target \(address)",
              group: group, at: target.source)
          }
        case .instance(let endpoint):
          check(
            groups: model.externals[endpoint].securityGroups, port: target.port,
            what: "instance '\(model.externals[endpoint].name)'", group: group, at: target.source)
        case .loadBalancer:
          break
        }
      }
    }
    for registration in lattice.ecsRegistrations {
      let service = model.services[registration.service]
      check(
        groups: service.securityGroups, port: registration.port,
        what: "ECS service '\(service.name)'",
        group: lattice.targetGroups[registration.targetGroup], at: registration.source)
    }
    return findings
  }

  /// Whether some ingress rule of the groups covers tcp/`port` from the whole Lattice range.
  static func admitsLattice(_ groups: [Int], port: Int, model: NetworkModel) -> Bool {
    guard let range = CIDRBlock("169.254.171.0/24") else { return true }
    return groups.contains { group in
      model.securityGroups[group].ingress.contains { rule in
        rule.coversTCP(port: port)
          && rule.peers.contains { peer in
            switch peer {
            case .cidr(let block): return block.contains(range)
            case .prefixList(let list):
              return model.prefixLists[list].cidrs.contains { $0.contains(range) }
            case .group: return false
            }
          }
      }
    }
  }

  static func authFindings(_ lattice: LatticeModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    func check(
      _ kind: String, _ name: String, _ authType: LatticeAuthType, _ policy: LatticeAuthPolicy?,
      at source: SourceRef
    ) {
      switch (authType, policy) {
      case (.awsIAM, nil):
        findings.append(
          Diagnostic.warning(
            "analysis.lattice-iam-without-policy",
            "\(kind) '\(name)' uses AWS_IAM auth without an auth policy: every request will be denied (403)",
            at: source, hint: "attach a policy in 'authPolicies', or set authType NONE"))
      case (.none, let policy?):
        findings.append(
          Diagnostic.warning(
            "analysis.lattice-inactive-policy",
            "\(kind) '\(name)' has an auth policy but auth type NONE: the policy is inactive",
            at: policy.source, hint: "set authType AWS_IAM to enforce it"))
      default:
        break
      }
    }
    for network in lattice.serviceNetworks {
      check(
        "service network", network.name, network.authType, network.authPolicy, at: network.source)
    }
    for service in lattice.services {
      check("service", service.name, service.authType, service.authPolicy, at: service.source)
    }
    return findings
  }

  static func unassociatedServices(_ lattice: LatticeModel) -> [Diagnostic] {
    lattice.services.enumerated().compactMap { index, service in
      guard !lattice.serviceAssociations.contains(where: { $0.service == index }) else {
        return nil
      }
      return Diagnostic.warning(
        "analysis.lattice-service-unassociated",
        "Lattice service '\(service.name)' is not associated with any service network: no client can reach it",
        at: service.source, hint: "add a serviceNetworkServiceAssociations entry")
    }
  }
}
