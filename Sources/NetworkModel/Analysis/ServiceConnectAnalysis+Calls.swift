import Diagnostics
import ScenarioFormat
import SimKernel

extension ServiceConnectAnalysis {
  /// Calls to a Service Connect name from where it cannot resolve: a client outside ECS, a
  /// standalone task, a service without Service Connect, or a service in another namespace
  /// (aws-behaviour §2.3, §7 items 26–27). Names that DNS also answers are left alone.
  static func unresolvableCalls(_ model: NetworkModel, _ calls: [ServiceConnectCallSite])
    -> [Diagnostic]
  {
    let occurrences = aliasOccurrences(model)
    var findings: [Diagnostic] = []
    for call in calls {
      let named = occurrences.filter { $0.alias.dnsName == call.host }
      guard dnsOwner(of: call.host, in: model) == nil else { continue }
      if named.isEmpty {
        if let finding = nearMiss(call, occurrences: occurrences, model: model) {
          findings.append(finding)
        }
        continue
      }
      let namespaces = uniqueNames(named.map { model.namespaces[$0.namespace].name })
      let callerNamespaces: [Int]
      switch call.caller {
      case .client(let client):
        findings.append(
          Diagnostic.warning(
            "analysis.service-connect-name-outside-service-connect",
            "\(call.description) from client '\(model.clients[client].name)' calls '\(call.host)', a Service Connect name: only tasks of Service Connect services in namespace \(namespaces) have it in /etc/hosts, so it will not resolve",
            at: call.source,
            hint:
              "clients outside ECS can still reach a server task's address and container port directly"
          ))
        continue
      case .standaloneTask(let index):
        findings.append(
          Diagnostic.warning(
            "analysis.service-connect-name-outside-service-connect",
            "\(call.description) from standalone task '\(model.standaloneTasks[index].name)' calls '\(call.host)', a Service Connect name: RunTask tasks get no Service Connect names, so it will not resolve",
            at: call.source,
            hint:
              "run the caller as an ECS service with serviceConnectConfiguration in namespace \(namespaces)"
          ))
        continue
      case .service(let service):
        callerNamespaces = model.serviceConnect.configurations(of: service).compactMap {
          model.serviceConnect.configurations[$0].namespace
        }
        if callerNamespaces.isEmpty {
          findings.append(
            Diagnostic.warning(
              "analysis.service-connect-name-outside-service-connect",
              "\(call.description) from service '\(model.services[service].name)', which has no Service Connect, calls '\(call.host)', a Service Connect name; it will not resolve",
              at: call.source,
              hint:
                "enable serviceConnectConfiguration (a client-only one is enough) in namespace \(namespaces)"
            ))
          continue
        }
      }
      let local = named.filter { callerNamespaces.contains($0.namespace) }
      if local.isEmpty {
        findings.append(
          Diagnostic.warning(
            "analysis.service-connect-name-in-other-namespace",
            "\(call.description) calls '\(call.host)', which is a Service Connect name only in namespace \(namespaces); the calling service uses \(uniqueNames(callerNamespaces.map { model.namespaces[$0].name })), so it will not resolve",
            at: call.source))
      } else if !local.contains(where: { $0.alias.port == call.port }) {
        let ports = local.map { String($0.alias.port) }.joined(separator: ", ")
        findings.append(
          Diagnostic.warning(
            "analysis.service-connect-alias-port-mismatch",
            "\(call.description) calls '\(call.host):\(call.port)', but the alias listens on port \(ports); the connection to the local proxy will be refused",
            at: call.source))
      }
    }
    return findings
  }

  /// A Service Connect client calling a discovery name or the first label of an alias: only the
  /// exact alias strings are in `/etc/hosts` (§6 C6, §7 item 29).
  static func nearMiss(
    _ call: ServiceConnectCallSite, occurrences: [AliasOccurrence], model: NetworkModel
  ) -> Diagnostic? {
    guard case .service(let service) = call.caller else { return nil }
    let namespaces = model.serviceConnect.configurations(of: service).compactMap {
      model.serviceConnect.configurations[$0].namespace
    }
    let local = occurrences.filter { namespaces.contains($0.namespace) }
    let candidates = local.filter { occurrence in
      let endpoint = model.serviceConnect.configurations[occurrence.configuration].endpoints[
        occurrence.endpoint]
      return endpoint.discoveryName == call.host
        || occurrence.alias.dnsName.hasPrefix(call.host + ".")
    }
    let unaddressable = model.serviceConnect.configurations.contains { configuration in
      configuration.namespace.map(namespaces.contains) == true
        && configuration.endpoints.contains { $0.alias == nil && $0.discoveryName == call.host }
    }
    if let candidate = candidates.first {
      return Diagnostic.warning(
        "analysis.service-connect-not-an-alias",
        "\(call.description) calls '\(call.host)', which is not a client alias name; only the exact alias strings are in /etc/hosts",
        at: call.source,
        notes: [
          .init(
            message: "did you mean '\(candidate.alias.dnsName):\(candidate.alias.port)'?",
            location: candidate.alias.source.location)
        ])
    }
    if unaddressable {
      return Diagnostic.warning(
        "analysis.service-connect-not-an-alias",
        "\(call.description) calls '\(call.host)', a discovery name whose entry has no client alias, so it is in no /etc/hosts",
        at: call.source, hint: "give the entry a clientAliases entry to make it addressable")
    }
    return nil
  }

  /// Clients whose tasks start before the name they call exists and are never redeployed
  /// afterwards: they cannot resolve it (aws-behaviour §2.3, §7 item 24).
  static func deploymentOrder(_ model: NetworkModel, _ calls: [ServiceConnectCallSite])
    -> [Diagnostic]
  {
    let occurrences = aliasOccurrences(model)
    var findings: [Diagnostic] = []
    for call in calls {
      guard case .service(let client) = call.caller else { continue }
      let refreshes = redeployMoments(of: client, in: model)
      for configuration in model.serviceConnect.configurations(of: client) {
        guard let namespace = model.serviceConnect.configurations[configuration].namespace else {
          continue
        }
        let matching = occurrences.filter {
          $0.namespace == namespace && $0.alias.dnsName == call.host && $0.alias.port == call.port
        }
        let clientStart = moment(of: configuration, in: model)
        guard
          let first = matching.min(by: {
            moment(of: $0.configuration, in: model) < moment(of: $1.configuration, in: model)
          })
        else { continue }
        let appears = moment(of: first.configuration, in: model)
        guard clientStart < appears, !refreshes.contains(where: { $0 > appears }) else { continue }
        let server = model.services[first.service].name
        findings.append(
          Diagnostic.warning(
            "analysis.service-connect-name-missing-by-deployment-order",
            "\(call.description) from service '\(model.services[client].name)' calls '\(call.host):\(call.port)', which exists only from \(appears.time) (service '\(server)'); the client's tasks started at \(clientStart.time) and are never redeployed afterwards, so they cannot resolve it",
            at: call.source,
            hint:
              "redeploy the client after the server: {\"at\": \"…\", \"updateService\": {\"service\": \"\(model.services[client].name)\", \"forceNewDeployment\": true}}",
            notes: [
              .init(message: "the name is configured here", location: first.alias.source.location)
            ]))
        break
      }
    }
    return findings
  }

  /// When a configuration takes effect, ordered as the run applies events: by time, then by
  /// position in the file (configurations a service is created with come first).
  struct Moment: Comparable {
    var time: SimDuration
    var order: Int
    static func < (a: Moment, b: Moment) -> Bool { (a.time, a.order) < (b.time, b.order) }
  }

  static func moment(of configuration: Int, in model: NetworkModel) -> Moment {
    let activation = model.serviceConnect.configurations[configuration].activation
    guard let source = activation.update else { return Moment(time: .zero, order: -1) }
    let order = model.document.events.firstIndex { event in
      guard case .serviceCall(let call) = event.action else { return false }
      return call.body.serviceConnect?.configuration.source == source
    }
    return Moment(time: activation.time, order: order ?? 0)
  }

  /// Every moment a service gets a fresh set of tasks: forced deployments and Service Connect
  /// updates.
  static func redeployMoments(of service: Int, in model: NetworkModel) -> [Moment] {
    var moments = model.serviceConnect.configurations(of: service).map { moment(of: $0, in: model) }
    for event in model.events {
      guard case .redeployService(let target) = event.action, target == service else { continue }
      let order = model.document.events.firstIndex { $0.source == event.source } ?? 0
      moments.append(Moment(time: event.at, order: order))
    }
    return moments
  }

  static func uniqueNames(_ names: [String]) -> String {
    var seen: [String] = []
    for name in names where !seen.contains(name) { seen.append(name) }
    return seen.map { "'\($0)'" }.joined(separator: ", ")
  }
}
