import RouteMatching
import ScenarioFormat

/// A place in the scenario where something calls a host name: a traffic stream's URL, or a
/// container behaviour's `proxyPass` or `calls` URL. The Service Connect analyses use these to
/// tell which names each service actually needs.
struct ServiceConnectCallSite {
  /// Who makes the call.
  enum Caller: Equatable {
    case service(Int)
    case standaloneTask(Int)
    case client(Int)
  }
  var caller: Caller
  /// The host as written, lower-cased.
  var host: String
  var port: Int
  /// How messages name the call: "traffic 'orders'", "the behavior of task definition 'web'".
  var description: String
  var source: SourceRef

  /// Every call site of the scenario, traffic first, in declaration order.
  static func collect(_ model: NetworkModel) -> [ServiceConnectCallSite] {
    var sites: [ServiceConnectCallSite] = []
    for stream in model.traffic {
      let caller: Caller
      switch stream.origin {
      case .client(let client): caller = .client(client)
      case .service(let service), .task(let service, _): caller = .service(service)
      case .standaloneTask(let index, _): caller = .standaloneTask(index)
      }
      if let head = RequestHead(method: stream.method, url: stream.url) {
        sites.append(
          ServiceConnectCallSite(
            caller: caller, host: head.host.lowercased(), port: head.port,
            description: "traffic '\(stream.name)'",
            source: model.document.field(model.document.field(stream.source, "request"), "url")))
      }
    }
    for (index, definition) in model.taskDefinitions.enumerated() {
      let callers =
        model.services.indices.filter { model.services[$0].taskDefinition == index }.map(
          Caller.service)
        + model.standaloneTasks.indices.filter { model.standaloneTasks[$0].taskDefinition == index }
        .map(Caller.standaloneTask)
      guard !callers.isEmpty else { continue }
      for container in definition.containers {
        guard let behavior = container.behavior else { continue }
        for (url, source) in urls(of: behavior, fallback: definition.spec.source) {
          guard let head = RequestHead(method: "GET", url: url) else { continue }
          for caller in callers {
            sites.append(
              ServiceConnectCallSite(
                caller: caller, host: head.host.lowercased(), port: head.port,
                description: "the behavior of task definition '\(definition.family)'",
                source: source))
          }
        }
      }
    }
    return sites
  }

  /// The URLs a behaviour proxies to or calls, with where each is written.
  static func urls(of behavior: ApplicationBehavior, fallback: SourceRef) -> [(String, SourceRef)] {
    var result: [(String, SourceRef)] = []
    for plan in [behavior.plan] + behavior.rules.map(\.plan) {
      if let target = plan.proxyPass { result.append((target, plan.source ?? fallback)) }
      for call in plan.calls { result.append((call.url, call.source)) }
    }
    return result
  }
}
