import Diagnostics
import RouteMatching
import ScenarioFormat

/// The checks across an application description: names unique, references resolved, calls
/// naming services of the application, at least one weight per service.
enum ApplicationValidation {
  static func check(_ app: ApplicationSpec, root: ObjectReader, context: DecodingContext) {
    var seen: [String: SourceRef] = [:]
    var checkedBehaviors: Set<SourceRef> = []
    for service in app.services {
      if let first = seen[service.name] {
        error(
          context, "compare.duplicate-name", "service '\(service.name)' is declared twice",
          at: service.source,
          hint: "the first declaration is at \(first.location)")
      }
      seen[service.name] = service.source
      var versionNames: Set<String> = []
      for version in service.versions {
        if !versionNames.insert(version.name).inserted {
          error(
            context, "compare.duplicate-name",
            "service '\(service.name)' has two versions named '\(version.name)'",
            at: version.source)
        }
        if let behavior = version.behavior, checkedBehaviors.insert(SourceRef(behavior)).inserted {
          checkCalls(version, of: service, app: app, context: context)
        }
      }
      if service.versions.allSatisfy({ $0.weight == 0 }) {
        error(
          context, "compare.no-weight",
          "every version of '\(service.name)' has weight 0: nothing could reach it",
          at: service.source, hint: "give at least one version a positive weight")
      }
      for route in service.headerRoutes where !versionNames.contains(route.version) {
        unknown(
          context, "version", route.version, of: service.name, among: Array(versionNames),
          at: route.source)
      }
    }
    if !app.entry.isEmpty && app.service(app.entry) == nil {
      unknown(
        context, "service", app.entry, of: nil, among: app.services.map(\.name),
        at: SourceRef(root.node))
    }
    for event in app.events {
      let (serviceName, versionNames): (String, [String])
      switch event.action {
      case .scaleOut(let s, let v, _), .stopTask(let s, let v, _):
        (serviceName, versionNames) = (s, v.isEmpty ? [] : [v])
      case .setWeights(let s, let weights):
        (serviceName, versionNames) = (s, weights.map(\.version))
      }
      guard let service = app.service(serviceName) else {
        unknown(
          context, "service", serviceName, of: nil, among: app.services.map(\.name),
          at: event.source)
        continue
      }
      for versionName in versionNames
      where !service.versions.contains(where: { $0.name == versionName }) {
        unknown(
          context, "version", versionName, of: serviceName, among: service.versions.map(\.name),
          at: event.source)
      }
    }
    var streams: Set<String> = []
    for traffic in app.traffic where !streams.insert(traffic.name).inserted {
      error(
        context, "compare.duplicate-name", "two traffic streams are named '\(traffic.name)'",
        at: traffic.source)
    }
  }

  /// Every call and `proxyPass` must name a service of the application as its host.
  static func checkCalls(
    _ version: ApplicationSpec.Version, of service: ApplicationSpec.Service, app: ApplicationSpec,
    context: DecodingContext
  ) {
    guard let node = version.behavior, let reader = context.object(node, what: "behavior") else {
      return
    }
    let behavior = BehaviorDecoder.behavior(reader)
    reader.finish()
    var urls: [String] = []
    for response in [behavior.response] + behavior.paths.map(\.response) {
      urls += response.calls.map(\.url)
      if let proxy = response.proxyPass { urls.append(proxy) }
    }
    for url in urls {
      guard let parsed = RequestURL.parse(url) else {
        error(
          context, .schemaInvalidValue,
          "invalid URL '\(url)' in the behaviour of '\(service.name)'", at: SourceRef(node))
        continue
      }
      if app.service(parsed.host) == nil {
        unknown(
          context, "service", parsed.host, of: nil, among: app.services.map(\.name),
          at: SourceRef(node),
          hint: "calls name the services of the application as hosts, like http://orders/list")
      }
    }
  }

  static func unknown(
    _ context: DecodingContext, _ what: String, _ name: String, of service: String?,
    among names: [String],
    at source: SourceRef, hint: String? = nil
  ) {
    let suggestion = Suggestions.closest(to: name, in: names).map { "did you mean '\($0)'?" }
    let owner = service.map { " of '\($0)'" } ?? ""
    error(
      context, "compare.unknown-reference", "no \(what) '\(name)'\(owner)", at: source,
      hint: suggestion ?? hint ?? "\(what)s: \(names.joined(separator: ", "))")
  }

  static func error(
    _ context: DecodingContext, _ id: DiagnosticID, _ message: String, at source: SourceRef,
    hint: String? = nil
  ) {
    context.diagnostics.error(id, message, at: source.location, path: source.path, hint: hint)
  }
}
