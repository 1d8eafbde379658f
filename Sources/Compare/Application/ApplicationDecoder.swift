import Diagnostics
import RouteMatching
import ScenarioFormat
import SimKernel

/// Reads an application description (`meshsim compare <app.json>`), reporting every problem
/// with its position, like the scenario decoder: unknown keys with did-you-mean, references to
/// services and versions that do not exist, names no AWS service would accept.
public enum ApplicationDecoder {
  /// Decodes `bytes`; nil when the file is unusable or has errors (all in `diagnostics`).
  public static func decode(bytes: [UInt8], file: String, diagnostics: DiagnosticEngine)
    -> ApplicationSpec?
  {
    guard let root = JSONReader.parse(bytes, file: file, diagnostics: diagnostics) else {
      return nil
    }
    let context = DecodingContext(file: file, diagnostics: diagnostics)
    guard let r = context.object(root, what: "application") else { return nil }
    let name = r.string("name", required: true) ?? ""
    if !name.isEmpty { checkName(name, what: "application", at: r.node("name")!, context: context) }
    let services = context.objects(r.array("services", required: true), what: "service") {
      service($0)
    }
    var app = ApplicationSpec(
      name: name, description: r.string("description"),
      seed: UInt64(r.int("seed", range: 0...Int.max) ?? 1),
      region: r.string("region") ?? "us-east-1", services: services,
      entry: r.string("entry", required: true) ?? "",
      traffic: [], events: [], requirements: [], prices: [], simulation: r.node("simulation"),
      bytesPerRequest: r.int("bytesPerRequest", range: 1...100_000_000) ?? 2048)
    app.traffic = context.objects(r.array("traffic", required: true), what: "traffic stream") {
      traffic($0)
    }
    app.events = context.objects(r.array("events"), what: "event") { event($0) }
    for node in r.array("requires") ?? [] {
      if let feature = context.enumValue(node, Feature.self, what: "required feature") {
        app.requirements.append(feature)
      }
    }
    if let prices = r.object("prices", what: "prices") {
      for member in prices.object.members {
        guard let value = prices.double(member.key) else { continue }
        if PriceTable.standard.price(member.key) == nil {
          let suggestion = Suggestions.closest(to: member.key, in: PriceTable.standard.keys)
          context.error(
            "compare.unknown-price", "unknown price '\(member.key)'", at: member.value,
            hint: suggestion.map { "did you mean '\($0)'?" }
              ?? "prices: \(PriceTable.standard.keys.joined(separator: ", "))")
        } else if value < 0 {
          context.error(
            .schemaValueOutOfRange, "price '\(member.key)' cannot be negative", at: member.value)
        }
        app.prices.append((member.key, value, SourceRef(member.value)))
      }
      prices.finish()
    }
    for node in r.array("expect") ?? [] {
      guard let entry = context.object(node, what: "expectation") else { continue }
      var options: [WiringOption]?
      if let list = entry.array("options") {
        options = list.compactMap {
          context.enumValue($0, WiringOption.self, what: "wiring option")
        }
      }
      entry.accept(entry.object.keys)
      entry.finish()
      app.expectations.append((node, options))
    }
    r.finish()
    ApplicationValidation.check(app, root: r, context: context)
    return diagnostics.hasErrors ? nil : app
  }

  /// Names become ECS, Cloud Map and Lattice names: lowercase letters, digits and single
  /// hyphens, 3–32 characters, starting with a letter (Lattice's service-name rules, the
  /// strictest of the four).
  static func checkName(_ name: String, what: String, at node: JSONNode, context: DecodingContext) {
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    let first = name.unicodeScalars.first.map { ("a"..."z").contains($0) } ?? false
    if !allowed || !first || name.count < 3 || name.count > 32 || name.contains("--")
      || name.hasSuffix("-")
    {
      context.error(
        .schemaInvalidValue, "invalid \(what) name '\(name)'", at: node,
        hint:
          "use 3–32 lowercase letters, digits and single hyphens, starting with a letter (it becomes an ECS, Cloud Map and VPC Lattice name)"
      )
    }
  }

  static func service(_ r: ObjectReader) -> ApplicationSpec.Service? {
    let name = r.string("name", required: true)
    if let name, let node = r.node("name") {
      checkName(name, what: "service", at: node, context: r.context)
    }
    let port = r.int("port", range: 1...65535) ?? 8080
    let cpu = r.int("cpu", range: 256...16384) ?? 256
    let memory = r.int("memory", range: 512...122880) ?? 512
    let healthPath = r.string("healthCheckPath") ?? "/"
    let defaultTasks = r.int("tasks", range: 0...1000)
    let defaultBehavior = r.node("behavior")
    var versions = r.context.objects(r.array("versions"), what: "version") { version in
      let versionName = version.string("name", required: true)
      if let versionName, let node = version.node("name") {
        if versionName.isEmpty || versionName.count > 8
          || !versionName.unicodeScalars.allSatisfy({
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
          })
        {
          version.context.error(
            .schemaInvalidValue, "invalid version name '\(versionName)'", at: node,
            hint: "use 1–8 lowercase letters and digits, like \"v2\"")
        }
      }
      let spec = ApplicationSpec.Version(
        name: versionName ?? "", tasks: version.int("tasks", range: 0...1000) ?? defaultTasks ?? 1,
        weight: version.int("weight", required: true, range: 0...100) ?? 0,
        behavior: version.node("behavior") ?? defaultBehavior, source: SourceRef(version.node))
      version.finish()
      return versionName == nil ? nil : spec
    }
    if !r.has("versions") {
      versions = [
        ApplicationSpec.Version(
          name: "v1", tasks: defaultTasks ?? 1, weight: 1, behavior: defaultBehavior,
          source: SourceRef(r.node))
      ]
    }
    let routes = r.context.objects(r.array("headerRoutes"), what: "header route") {
      route -> ApplicationSpec.HeaderRoute? in
      let header = route.string("header", required: true)
      let value = route.string("value", required: true)
      let version = route.string("version", required: true)
      route.finish()
      guard let header, let value, let version else { return nil }
      return ApplicationSpec.HeaderRoute(
        header: header.lowercased(), value: value, version: version, source: SourceRef(route.node))
    }
    r.finish()
    guard let name else { return nil }
    return ApplicationSpec.Service(
      name: name, port: port, cpu: cpu, memory: memory, versions: versions, headerRoutes: routes,
      healthPath: healthPath,
      source: SourceRef(r.node))
  }

  static func traffic(_ r: ObjectReader) -> ApplicationSpec.Traffic? {
    let name = r.string("name", required: true)
    let method = r.string("method") ?? "GET"
    let path = r.string("path") ?? "/"
    if !path.hasPrefix("/"), let node = r.node("path") {
      r.context.error(.schemaInvalidValue, "traffic path '\(path)' must start with '/'", at: node)
    }
    var headers: [(String, String)] = []
    if let reader = r.object("headers", what: "request headers") {
      for member in reader.object.members {
        if let value = reader.string(member.key) { headers.append((member.key, value)) }
      }
      reader.finish()
    }
    let count = r.int("count", required: true, range: 0...100_000_000)
    let rate = r.string("rate", required: true)
    let perSecond = rate.flatMap(requestsPerSecond)
    if let rate, perSecond == nil, let node = r.node("rate") {
      r.context.error(
        .schemaInvalidValue, "invalid rate '\(rate)'", at: node,
        hint: "write requests per unit: \"100/s\", \"5/ms\", \"600/m\"")
    }
    let start = r.string("start")
    if start != nil, let node = r.node("start") { _ = r.context.duration(node, what: "'start'") }
    r.finish()
    guard let name, let count, let rate, let perSecond else { return nil }
    return ApplicationSpec.Traffic(
      name: name, method: method, path: path, headers: headers, count: count, rate: rate,
      requestsPerSecond: perSecond, start: start, source: SourceRef(r.node))
  }

  /// `"20/s"` → 20, `"5/ms"` → 5000, `"600/m"` → 10; nil when malformed or zero.
  static func requestsPerSecond(_ rate: String) -> Double? {
    let parts = rate.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
    switch parts[1] {
    case "s": return Double(count)
    case "ms": return Double(count) * 1000
    case "m": return Double(count) / 60
    default: return nil
    }
  }

  static let eventOperations = ["scaleOut", "stopTask", "setWeights"]

  static func event(_ r: ObjectReader) -> ApplicationSpec.Event? {
    let context = r.context
    guard let atNode = r.node("at", required: true), let atText = atNode.stringValue,
      let at = context.duration(atNode, what: "'at'")
    else {
      r.finish()
      return nil
    }
    let present = eventOperations.filter { r.has($0) }
    guard present.count == 1, let operation = present.first,
      let body = r.object(operation, what: operation)
    else {
      context.error(
        .schemaMissingKey,
        "an event needs exactly one of \(eventOperations.joined(separator: ", "))",
        at: r.node,
        hint: "for example {\"at\": \"30s\", \"scaleOut\": {\"service\": \"orders\", \"tasks\": 3}}"
      )
      r.finish()
      return nil
    }
    r.finish()
    defer { body.finish() }
    guard let service = body.string("service", required: true) else { return nil }
    let action: ApplicationSpec.Event.Action
    if operation == "setWeights" {
      guard let weights = body.object("weights", required: true, what: "weights") else {
        return nil
      }
      var pairs: [(String, Int)] = []
      for member in weights.object.members {
        if let weight = weights.int(member.key, range: 0...100) {
          pairs.append((member.key, weight))
        }
      }
      weights.finish()
      if pairs.isEmpty {
        context.error(
          .schemaMissingKey, "setWeights needs at least one version weight", at: weights.node,
          hint: "for example \"weights\": {\"v1\": 80, \"v2\": 20}")
        return nil
      }
      return ApplicationSpec.Event(
        at: at, atText: atText, action: .setWeights(service: service, weights: pairs),
        source: SourceRef(body.node))
    }
    let version = body.string("version") ?? ""
    switch operation {
    case "scaleOut":
      guard let tasks = body.int("tasks", required: true, range: 0...1000) else { return nil }
      action = .scaleOut(service: service, version: version, tasks: tasks)
    default:
      guard let ordinal = body.int("task", required: true, range: 1...1000) else { return nil }
      action = .stopTask(service: service, version: version, ordinal: ordinal)
    }
    return ApplicationSpec.Event(
      at: at, atText: atText, action: action, source: SourceRef(body.node))
  }
}
