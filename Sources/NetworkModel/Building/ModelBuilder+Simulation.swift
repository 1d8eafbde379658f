import Diagnostics
import RouteMatching
import ScenarioFormat
import SimKernel

extension ModelBuilder {
  /// External endpoints and clients.
  func buildExternalsAndClients() {
    for spec in document.external {
      let (subnet, groups, address) = host(
        subnet: spec.subnet, securityGroups: spec.securityGroups, ipAddress: spec.ipAddress,
        of: spec.source, addressInSubnet: true)
      if !externalTable.declare(spec.name, index: model.externals.count, source: spec.source)
        || serviceTable.lookup(spec.name) != nil
      {
        duplicate("external endpoint", spec.name, at: spec.source, table: externalTable)
        continue
      }
      model.externals.append(
        ExternalEndpoint(
          name: spec.name, hostnames: spec.hostnames.map { $0.lowercased() }, address: address,
          subnet: subnet,
          securityGroups: groups, ports: spec.ports,
          behavior: spec.behavior.map(applicationBehavior) ?? .default,
          source: spec.source))
    }
    var clients = document.clients
    if !clients.contains(where: { $0.name == "internet" }) {
      clients.append(
        ClientSpec(
          name: "internet", subnet: nil, securityGroups: [], ipAddress: nil, principal: nil,
          source: document.source))
    }
    for spec in clients {
      let (subnet, groups, address) = host(
        subnet: spec.subnet, securityGroups: spec.securityGroups, ipAddress: spec.ipAddress,
        of: spec.source, addressInSubnet: false)
      if !clientTable.declare(spec.name, index: model.clients.count, source: spec.source) {
        duplicate("client", spec.name, at: spec.source, table: clientTable)
        continue
      }
      model.clients.append(
        Client(
          name: spec.name, subnet: subnet, securityGroups: groups, address: address,
          principal: spec.principal, source: spec.source))
    }
  }

  /// Where an external endpoint or client sits: its subnet, security groups and address, each
  /// resolved or checked at its field (`addressInSubnet`: the address must lie in the subnet).
  func host(
    subnet: String?, securityGroups: [String], ipAddress: String?, of source: SourceRef,
    addressInSubnet: Bool
  ) -> (subnet: Int?, groups: [Int], address: IPv4Address?) {
    let subnet = subnet.flatMap {
      subnetTable.resolve($0, at: field(source, "subnet"), diagnostics: diagnostics)
    }
    let groups = securityGroups.enumerated().compactMap { offset, name in
      securityGroupTable.resolve(
        name, at: field(source, "securityGroups", index: offset), diagnostics: diagnostics)
    }
    guard let text = ipAddress else { return (subnet, groups, nil) }
    let address = IPv4Address(text)
    if address == nil {
      error(
        "model.invalid-address", "invalid IPv4 address '\(text)'", at: field(source, "ipAddress"))
    }
    if addressInSubnet, let a = address, let s = subnet, !model.subnets[s].cidr.contains(a) {
      error(
        "model.address-outside-subnet", "address \(a) is outside subnet '\(model.subnets[s].name)'",
        at: field(source, "ipAddress"))
    }
    return (subnet, groups, address)
  }

  /// Resolves a task name `service/N` (N from 1) to its service and ordinal.
  func resolveTask(_ name: String, at source: SourceRef) -> (
    service: Int, ordinal: Int, standalone: Bool
  )? {
    let parts = name.split(separator: "/")
    guard parts.count >= 2, let ordinal = Int(parts.last!), ordinal >= 1 else {
      error(
        "model.invalid-task-name", "invalid task name '\(name)'", at: source,
        hint:
          "tasks are named '<service>/<n>' with n counting from 1 in start order, e.g. 'backend/2'")
      return nil
    }
    let owner = parts.dropLast().joined(separator: "/")
    if let standalone = standaloneTable.lookup(owner) { return (standalone, ordinal, true) }
    guard
      let service = serviceTable.resolve(
        owner, at: source, diagnostics: diagnostics, context: "task name '\(name)'")
    else { return nil }
    return (service, ordinal, false)
  }

  /// How long one stream may send: ten years keeps every simulated instant far inside Int64
  /// nanoseconds (292 years).
  static let longestTraffic = SimDuration.hours(24 * 3650)

  func buildTraffic() {
    for spec in document.traffic {
      var origin: TrafficStream.Origin?
      switch spec.origin {
      case .client(let name):
        origin = clientTable.resolve(name, at: spec.originSource, diagnostics: diagnostics).map {
          .client($0)
        }
      case .service(let name):
        origin = serviceTable.resolve(name, at: spec.originSource, diagnostics: diagnostics).map {
          .service($0)
        }
      case .task(let name):
        if let task = resolveTask(name, at: spec.originSource) {
          origin =
            task.standalone
            ? .standaloneTask(task.service, ordinal: task.ordinal)
            : .task(service: task.service, ordinal: task.ordinal)
        }
      }
      let requestSource = field(field(spec.source, "request"), "url")
      checkURL(spec.url, at: requestSource)
      let (span, overflow) = spec.interval.nanoseconds.multipliedReportingOverflow(
        by: Int64(max(spec.count - 1, 0)))
      if overflow || span > ModelBuilder.longestTraffic.nanoseconds {
        error(
          "model.traffic-too-long",
          "traffic '\(spec.name)' would send for longer than ten years (\(spec.count) requests, one every \(spec.interval))",
          at: field(spec.source, "count"), hint: "send fewer requests or raise the rate")
      }
      guard let origin else { continue }
      if !trafficTable.declare(spec.name, index: model.traffic.count, source: spec.source) {
        duplicate("traffic stream", spec.name, at: spec.source, table: trafficTable)
        continue
      }
      model.traffic.append(
        TrafficStream(
          name: spec.name, origin: origin, method: spec.method, url: spec.url,
          headers: spec.headers, count: spec.count,
          interval: spec.interval, start: spec.start, arrival: spec.arrival,
          timeout: spec.timeout ?? .seconds(10),
          principal: spec.principal, unsigned: spec.unsigned, source: spec.source))
    }
  }

  func buildEvents() {
    for spec in document.events {
      let body = spec.source
      var action: ScenarioEvent.Action?
      var summary = ""
      switch spec.action {
      case .updateService(let name, let desired, let force):
        guard let service = serviceTable.resolve(name, at: body, diagnostics: diagnostics) else {
          continue
        }
        if let desired {
          action = .scaleService(service: service, desiredCount: desired)
          summary = "scale service '\(name)' to \(desired) tasks"
          if force {
            model.events.append(
              ScenarioEvent(
                at: spec.at, action: .redeployService(service: service),
                summary: "redeploy service '\(name)'", source: spec.source))
          }
        } else if force {
          action = .redeployService(service: service)
          summary = "redeploy service '\(name)'"
        } else {
          error(
            "schema.missing-key", "updateService needs 'desiredCount' or 'forceNewDeployment'",
            at: body)
        }
      case .stopTask(let name):
        if let task = resolveTask(name, at: body), !task.standalone {
          action = .stopTask(service: task.service, ordinal: task.ordinal)
          summary = "stop task '\(name)'"
        }
      case .failHealthChecks(let name), .recoverHealthChecks(let name):
        if let task = resolveTask(name, at: body), !task.standalone {
          var failing = false
          if case .failHealthChecks = spec.action { failing = true }
          action = .setHealthCheckFailure(
            service: task.service, ordinal: task.ordinal, failing: failing)
          summary =
            failing
            ? "task '\(name)' starts failing health checks"
            : "task '\(name)' passes health checks again"
        }
      case .changeSecurityGroup(let group, let ingress, let authorize, let permissions):
        guard let index = securityGroupTable.resolve(group, at: body, diagnostics: diagnostics)
        else { continue }
        let rules = permissions.flatMap { securityGroupRules($0) }
        action = .changeSecurityGroup(
          group: index, ingress: ingress, authorize: authorize, rules: rules)
        summary =
          "\(authorize ? "authorize" : "revoke") \(ingress ? "ingress" : "egress") on \(model.securityGroups[index].label)"
      case .serviceCall(let call):
        action = .serviceCall(call)
        summary = call.operation
      }
      if let action {
        model.events.append(
          ScenarioEvent(at: spec.at, action: action, summary: summary, source: spec.source))
      }
    }
    // Stable order: by time, then document order (already the append order).
    model.events = model.events.enumerated().sorted {
      ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
    }.map(\.element)
  }

  func buildExpectations() {
    for (offset, spec) in document.expectations.enumerated() {
      // A stream that failed to build (unknown origin) already has its error; say nothing more
      // about the reference, but still check the rest of the expectation.
      let streamFailed =
        trafficTable.lookup(spec.traffic) == nil
        && document.traffic.contains { $0.name == spec.traffic }
      let traffic =
        streamFailed
        ? nil
        : trafficTable.resolve(
          spec.traffic, at: field(spec.source, "traffic"), diagnostics: diagnostics)
      if let service = spec.filter.service, serviceTable.lookup(service) == nil,
        externalTable.lookup(service) == nil
      {
        _ = serviceTable.resolve(
          service, at: field(spec.source, "service"), diagnostics: diagnostics)
      }
      if let task = spec.filter.task { _ = resolveTask(task, at: field(spec.source, "task")) }
      if let disposition = spec.filter.disposition, !DispositionCatalog.codes.contains(disposition)
      {
        var notes: [Diagnostic.Note] = []
        if let candidate = Suggestions.closest(to: disposition, in: DispositionCatalog.codes) {
          notes.append(.init(message: "did you mean '\(candidate)'?", location: nil))
        }
        error(
          "model.unknown-disposition", "unknown disposition '\(disposition)'",
          at: field(spec.source, "disposition"),
          hint: notes.isEmpty
            ? "dispositions: \(DispositionCatalog.codes.joined(separator: ", "))" : nil,
          notes: notes)
      }
      guard let traffic else { continue }
      let name = spec.name ?? ExpectationNaming.describe(spec, index: offset)
      model.expectations.append(
        Expectation(
          name: name, traffic: traffic, after: spec.after, before: spec.before, filter: spec.filter,
          share: spec.share,
          count: spec.count, distinctTasks: spec.distinctTasks, latencyMs: spec.latencyMs,
          source: spec.source))
    }
  }
}
