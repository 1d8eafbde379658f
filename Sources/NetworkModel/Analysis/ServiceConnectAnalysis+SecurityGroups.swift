import Diagnostics
import ScenarioFormat

extension ServiceConnectAnalysis {
  /// Calling services whose traffic the server's security groups (or their own egress rules)
  /// drop: the client proxy connects to the server task on the container port or
  /// `ingressPortOverride`, never on the alias port (aws-behaviour §2.3, cases sc-r6).
  static func blockedProxyPorts(_ model: NetworkModel, _ calls: [ServiceConnectCallSite])
    -> [Diagnostic]
  {
    let occurrences = aliasOccurrences(model)
    var findings: [Diagnostic] = []
    var reported: Set<String> = []
    for call in calls {
      guard case .service(let client) = call.caller else { continue }
      let namespaces = model.serviceConnect.configurations(of: client).compactMap {
        model.serviceConnect.configurations[$0].namespace
      }
      for occurrence in occurrences
      where namespaces.contains(occurrence.namespace) && occurrence.alias.dnsName == call.host
        && occurrence.alias.port == call.port
      {
        let endpoint = model.serviceConnect.configurations[occurrence.configuration].endpoints[
          occurrence.endpoint]
        let server = model.services[occurrence.service]
        let caller = model.services[client]
        let port = endpoint.ingressPort
        guard reported.insert("\(client)|\(occurrence.service)|\(port)").inserted else { continue }
        let portText =
          endpoint.hasIngressPortOverride ? "ingressPortOverride \(port)" : "container port \(port)"
        if !admits(model, groups: server.securityGroups, ingressPort: port, from: caller) {
          // Ingress first: it is the usual mistake (the alias port allowed instead of the server port).
          let aliasOnly =
            endpoint.alias.map {
              $0.port != port
                && admits(model, groups: server.securityGroups, ingressPort: $0.port, from: caller)
            } ?? false
          findings.append(
            Diagnostic.warning(
              "analysis.service-connect-proxy-port-blocked",
              "security groups of service '\(server.name)' (\(groupList(server.securityGroups, model))) do not allow tcp/\(port) from service '\(caller.name)'; its Service Connect proxy connects to the server proxy on the \(portText), so the connections of \(call.description) are dropped",
              at: call.source,
              hint: aliasOnly
                ? "the groups allow the alias port \(endpoint.alias!.port), but Service Connect never connects on it: allow tcp/\(port) instead"
                : "allow tcp/\(port) from the calling service's security group"))
        } else if !admits(model, egressGroups: caller.securityGroups, port: port, to: server) {
          findings.append(
            Diagnostic.warning(
              "analysis.service-connect-proxy-port-blocked",
              "egress rules of service '\(caller.name)' (\(groupList(caller.securityGroups, model))) do not allow tcp/\(port) to every subnet of service '\(server.name)' (the \(portText) its Service Connect proxy connects to), so some connections of \(call.description) are dropped",
              at: call.source))
        }
      }
    }
    return findings
  }

  /// Whether ingress rules of `groups` admit TCP `port` from every subnet and group of `source`
  /// (EC2 semantics: allow-only, unioned; no group means the ENI takes anything here).
  static func admits(
    _ model: NetworkModel, groups: [Int], ingressPort port: Int, from source: ECSService
  ) -> Bool {
    if groups.isEmpty { return true }
    let rules = groups.flatMap { model.securityGroups[$0].ingress }.filter {
      $0.coversTCP(port: port)
    }
    return source.subnets.allSatisfy { subnet in
      rules.contains { rule in
        rule.peers.contains { covers($0, subnet: subnet, groups: source.securityGroups, model) }
      }
    }
  }

  /// Whether egress rules of `groups` let TCP `port` out to every subnet of `destination`.
  static func admits(
    _ model: NetworkModel, egressGroups groups: [Int], port: Int, to destination: ECSService
  ) -> Bool {
    if groups.isEmpty { return true }
    let rules = groups.flatMap { model.securityGroups[$0].egress }.filter {
      $0.coversTCP(port: port)
    }
    return destination.subnets.allSatisfy { subnet in
      rules.contains { rule in
        rule.peers.contains {
          covers($0, subnet: subnet, groups: destination.securityGroups, model)
        }
      }
    }
  }

  /// Whether a rule peer covers every address of `subnet` (or, for a group reference, an ENI
  /// carrying one of `groups`).
  static func covers(
    _ peer: SecurityGroupRule.Peer, subnet: Int, groups: [Int], _ model: NetworkModel
  ) -> Bool {
    switch peer {
    case .cidr(let block): return block.contains(model.subnets[subnet].cidr)
    case .prefixList(let index):
      return model.prefixLists[index].cidrs.contains { $0.contains(model.subnets[subnet].cidr) }
    case .group(let group): return groups.contains(group)
    }
  }

  static func groupList(_ groups: [Int], _ model: NetworkModel) -> String {
    groups.map { model.securityGroups[$0].label }.joined(separator: ", ")
  }
}
