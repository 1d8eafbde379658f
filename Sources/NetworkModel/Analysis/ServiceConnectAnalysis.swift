import Diagnostics
import ScenarioFormat
import SimKernel

/// `meshsim check`'s Service Connect analyses: configurations ECS accepts but that will not do
/// what their author probably wants (aws-behaviour §2, §6 C7, C18).
///
/// - an endpoint without a client alias, which no client can address;
/// - one alias name served by several services on different ports, or shadowing a DNS name;
/// - test traffic rules, which only act in blue/green deployments (not modelled);
/// - a call to a Service Connect name from outside Service Connect or from another namespace;
/// - a client whose tasks started before the name it calls existed and are never redeployed;
/// - server security groups that block the server-side proxy port from a calling service.
public enum ServiceConnectAnalysis {
  public static func run(_ model: NetworkModel) -> [Diagnostic] {
    guard !model.serviceConnect.isEmpty else { return [] }
    var findings: [Diagnostic] = []
    findings += entriesWithoutAlias(model)
    findings += sharedAliasNames(model)
    findings += shadowedDNSNames(model)
    findings += inertTestTrafficRules(model)
    let calls = ServiceConnectCallSite.collect(model)
    findings += unresolvableCalls(model, calls)
    findings += deploymentOrder(model, calls)
    findings += blockedProxyPorts(model, calls)
    return findings
  }

  /// One client alias of one configuration.
  struct AliasOccurrence {
    var configuration: Int
    var endpoint: Int
    var service: Int
    var namespace: Int
    var alias: ServiceConnectAlias
  }

  static func aliasOccurrences(_ model: NetworkModel) -> [AliasOccurrence] {
    model.serviceConnect.configurations.enumerated().flatMap {
      index, configuration -> [AliasOccurrence] in
      guard let namespace = configuration.namespace else { return [] }
      return configuration.aliases.map {
        AliasOccurrence(
          configuration: index, endpoint: $0.endpoint, service: configuration.service,
          namespace: namespace,
          alias: $0.alias)
      }
    }
  }

  /// Entries without a client alias: registered in Cloud Map, not addressable (§6 C7).
  static func entriesWithoutAlias(_ model: NetworkModel) -> [Diagnostic] {
    model.serviceConnect.configurations.flatMap { configuration in
      configuration.endpoints.filter { $0.alias == nil }.map { endpoint in
        Diagnostic.warning(
          "analysis.service-connect-entry-without-alias",
          "Service Connect entry '\(endpoint.discoveryName)' of service '\(model.services[configuration.service].name)' has no client alias: ECS registers it in Cloud Map, but no client can address it",
          at: endpoint.source,
          hint:
            "add \"clientAliases\": [{\"port\": \(endpoint.containerPort)}] (the name defaults to '\(endpoint.discoveryName).\(model.namespaces[configuration.namespace ?? 0].name)')"
        )
      }
    }
  }

  /// One alias name served by several services (on different ports) in a namespace: the port a
  /// client dials decides which service it reaches.
  static func sharedAliasNames(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var firstHolder: [String: AliasOccurrence] = [:]
    for occurrence in aliasOccurrences(model) {
      let key = "\(occurrence.namespace)|\(occurrence.alias.dnsName)"
      guard let first = firstHolder[key] else {
        firstHolder[key] = occurrence
        continue
      }
      guard first.service != occurrence.service else { continue }
      findings.append(
        Diagnostic.warning(
          "analysis.service-connect-alias-name-shared",
          "alias name '\(occurrence.alias.dnsName)' is served by service '\(model.services[first.service].name)' on port \(first.alias.port) and by service '\(model.services[occurrence.service].name)' on port \(occurrence.alias.port) in namespace '\(model.namespaces[occurrence.namespace].name)'; the port a client dials decides which one it reaches",
          at: occurrence.alias.source,
          notes: [.init(message: "also served here", location: first.alias.source.location)]))
    }
    return findings
  }

  /// Alias names that are also DNS names: Service Connect tasks reach the proxy, everyone else
  /// the DNS answer (the Yelb migration relies on this, aws-behaviour cases yl-2).
  static func shadowedDNSNames(_ model: NetworkModel) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var reported: Set<String> = []
    for occurrence in aliasOccurrences(model)
    where reported.insert(occurrence.alias.dnsName).inserted {
      guard let other = dnsOwner(of: occurrence.alias.dnsName, in: model) else { continue }
      findings.append(
        Diagnostic.warning(
          "analysis.service-connect-alias-shadows-dns-name",
          "alias '\(occurrence.alias.dnsName)' is also \(other): inside Service Connect tasks of namespace '\(model.namespaces[occurrence.namespace].name)' it resolves to the proxy (\(occurrence.alias.address)); every other client still resolves it through DNS",
          at: occurrence.alias.source))
    }
    return findings
  }

  /// What else answers a name through DNS, if anything.
  static func dnsOwner(of name: String, in model: NetworkModel) -> String? {
    if let service = model.discoveryServices.first(where: {
      !$0.createdByServiceConnect && $0.hasARecords && $0.fullName == name
    }) {
      return "the DNS name of Cloud Map service '\(service.name)'"
    }
    if let external = model.externals.first(where: { $0.hostnames.contains(name) }) {
      return "a host name of external endpoint '\(external.name)'"
    }
    return nil
  }

  /// Test traffic rules act only during ECS blue/green deployments, which are not modelled.
  static func inertTestTrafficRules(_ model: NetworkModel) -> [Diagnostic] {
    aliasOccurrences(model).compactMap { occurrence in
      guard let header = occurrence.alias.testTrafficHeader else { return nil }
      return Diagnostic.warning(
        "analysis.service-connect-test-traffic-rules-inert",
        "test traffic rule on header '\(header.name)' only routes during ECS blue/green deployments; MeshSim models rolling deployments, so every request goes to all current tasks",
        at: header.source)
    }
  }
}
