import Diagnostics
import SimKernel

/// Decodes the simulation-only sections: `clients`, `external`, `traffic`, `simulation`.
enum SimulationSectionsDecoder {
  static func client(_ r: ObjectReader) -> ClientSpec? {
    let name = r.string("name", required: true)
    let location = r.string("location")
    let subnet = r.string("subnet")
    let groups = r.stringArray("securityGroups") ?? []
    let ip = r.string("ipAddress")
    let principal = r.string("principal")
    guard let name else { return nil }
    if let location, location != "internet", let node = r.node("location") {
      r.context.invalid(
        node, "invalid location '\(location)' for client '\(name)'",
        hint: "write \"location\": \"internet\", or give the client a \"subnet\"")
    }
    if location == "internet" && subnet != nil {
      r.context.invalid(
        r.node, "client '\(name)' cannot stand on the internet and in subnet '\(subnet!)'")
    }
    return ClientSpec(
      name: name, subnet: subnet, securityGroups: groups, ipAddress: ip, principal: principal,
      source: SourceRef(r.node))
  }

  static func external(_ r: ObjectReader) -> ExternalEndpointSpec? {
    let name = r.string("name", required: true)
    var hostnames = r.stringArray("hostnames") ?? []
    if let single = r.string("hostname") { hostnames.insert(single, at: 0) }
    let ip = r.string("ipAddress")
    let subnet = r.string("subnet")
    let groups = r.stringArray("securityGroups") ?? []
    var ports: [Int] = []
    if let list = r.array("ports") {
      for node in list {
        if let port = r.context.int(node, what: "port", range: 1...65535) { ports.append(port) }
      }
    }
    let behavior = r.object("behavior", what: "behavior").flatMap { reader -> BehaviorSpec? in
      defer { reader.finish() }
      return BehaviorDecoder.behavior(reader)
    }
    guard let name else { return nil }
    if hostnames.isEmpty && ip == nil {
      r.context.diagnostics.error(
        "schema.missing-key", "external endpoint '\(name)' needs 'hostnames' or 'ipAddress'",
        at: r.node.location, path: r.node.path.description)
    }
    return ExternalEndpointSpec(
      name: name, hostnames: hostnames, ipAddress: ip, subnet: subnet, securityGroups: groups,
      ports: ports.isEmpty ? [80, 443] : ports, behavior: behavior, source: SourceRef(r.node))
  }

  static func traffic(_ r: ObjectReader) -> TrafficSpec? {
    let context = r.context
    let name = r.string("name", required: true)
    var origin: TrafficOrigin?
    var originSource = SourceRef(r.node)
    if let node = r.node("from", required: true) {
      originSource = SourceRef(node)
      switch node.value {
      case .string(let text): origin = .client(text)
      case .object:
        if let from = context.object(node, what: "traffic origin") {
          let client = from.string("client")
          let service = from.string("service")
          let task = from.string("task")
          let given = [
            client.map(TrafficOrigin.client), service.map(TrafficOrigin.service),
            task.map(TrafficOrigin.task),
          ]
          .compactMap { $0 }
          if given.count == 1 {
            origin = given[0]
          } else {
            context.invalid(
              node, "traffic origin needs exactly one of 'client', 'service' or 'task'")
          }
          from.finish()
        }
      default:
        context.typeMismatch(node, expected: "client name or {\"service\": …}", key: "'from'")
      }
    }
    var method = "GET"
    var url: String?
    var headers: [(String, String)] = []
    if let request = r.object("request", required: true, what: "request") {
      method = request.string("method") ?? "GET"
      url = request.string("url", required: true)
      if let headerReader = request.object("headers", what: "request headers") {
        for member in headerReader.node.objectMembers {
          if let value = headerReader.string(member.key) { headers.append((member.key, value)) }
        }
        headerReader.finish()
      }
      request.finish()
    }
    let count = r.int("count", range: 0...100_000_000) ?? 1
    var interval = SimDuration.milliseconds(10)
    if let rateNode = r.node("rate") {
      if let parsed = rate(rateNode, context: context) { interval = parsed }
    }
    if let explicit = r.duration("interval") { interval = explicit }
    let start = r.duration("start") ?? .zero
    let arrival = r.enumValue("arrival", TrafficSpec.Arrival.self) ?? .uniform
    let timeout = r.duration("timeout")
    let principal = r.string("principal")
    let unsigned = r.bool("unsigned") ?? false
    guard let name, let origin, let url else { return nil }
    return TrafficSpec(
      name: name, origin: origin, originSource: originSource, method: method, url: url,
      headers: headers,
      count: count, interval: interval, start: start, arrival: arrival, timeout: timeout,
      principal: principal,
      unsigned: unsigned, source: SourceRef(r.node))
  }

  /// Reads a rate like `"100/s"`, `"5/ms"`, `"600/m"` or `"3/10s"` as the interval between
  /// requests.
  static func rate(_ node: JSONNode, context: DecodingContext) -> SimDuration? {
    guard case .string(let text) = node.value else {
      context.typeMismatch(node, expected: "rate string such as \"100/s\"", key: "'rate'")
      return nil
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    let per = parts.count == 2 ? String(parts[1]) : ""
    // "100/s" is per one second; "3/10s" is per ten seconds.
    let unit = SimDuration.parse(
      per.first?.isASCII == true && per.first?.isNumber == true ? per : "1" + per)
    guard let unit, unit <= DecodingContext.longestDuration,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
      let count = Int64(parts[0]), count > 0, unit.nanoseconds / count > 0
    else {
      context.invalid(
        node, "invalid rate '\(text)'",
        hint: "write requests per unit: \"100/s\", \"5/ms\", \"600/m\"")
      return nil
    }
    return SimDuration(nanoseconds: unit.nanoseconds / count)
  }

  static func settings(_ r: ObjectReader) -> SimulationSettingsSpec {
    var settings = SimulationSettingsSpec()
    if let latency = r.object("latency", what: "latency settings") {
      for key in SimulationSettingsSpec.latencyKeys {
        if let value = latency.duration(key), let node = latency.node(key) {
          settings.latencies[key] = value
          settings.latencySources[key] = SourceRef(node)
        }
      }
      latency.finish()
    }
    settings.taskStartDelay = r.duration("taskStartDelay")
    settings.taskStopDelay = r.duration("taskStopDelay")
    settings.eventLimit = r.int("eventLimit", range: 1...Int.max)
    settings.hopLimit = r.int("hopLimit", range: 1...1000)
    settings.until = r.duration("until")
    settings.appMeshDefaultRetries = r.bool("appMeshDefaultRetries")
    return settings
  }
}

extension SimulationSettingsSpec {
  /// The latency figures a scenario may override under `simulation.latency`.
  public static let latencyKeys = [
    "network", "crossZone", "internet", "dnsLookup", "proxy", "loadBalancer", "gateway", "lattice",
    "application",
  ]
}
