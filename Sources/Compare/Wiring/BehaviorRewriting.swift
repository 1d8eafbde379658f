import RouteMatching
import ScenarioFormat

/// Rewrites an application behaviour for one wiring: the hosts of `calls` and `proxyPass`
/// URLs name application services, and each wiring decides the URL its clients really use.
enum BehaviorRewriting {
  /// The behaviour as scenario JSON, with every call URL passed through `url(service, path)`,
  /// where `path` keeps the query.
  static func rewrite(_ node: JSONNode?, url: (String, String) -> String) -> JSONOutput? {
    guard let node else { return nil }
    return rewrite(JSONOutput(node), url: url)
  }

  static func rewrite(_ value: JSONOutput, url: (String, String) -> String) -> JSONOutput {
    rewriteURLs(value) { rewriteURL($0, url) }
  }

  /// The behaviour with every `calls` URL and `proxyPass` (per-path rules included) passed
  /// through `transform`.
  static func rewriteURLs(_ value: JSONOutput, _ transform: (String) -> String) -> JSONOutput {
    guard case .object(var members) = value else { return value }
    if case .string(let proxy)? = members["proxyPass"] {
      members["proxyPass"] = .string(transform(proxy))
    }
    if case .array(let calls)? = members["calls"] {
      members["calls"] = .array(
        calls.map { call in
          guard case .object(var fields) = call, case .string(let target)? = fields["url"] else {
            return call
          }
          fields["url"] = .string(transform(target))
          return .object(fields)
        })
    }
    if case .array(let rules)? = members["paths"] {
      members["paths"] = .array(rules.map { rewriteURLs($0, transform) })
    }
    return .object(members)
  }

  static func rewriteURL(_ text: String, _ url: (String, String) -> String) -> String {
    guard let parsed = RequestURL.parse(text) else { return text }
    let query = parsed.query.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(
      separator: "&")
    return url(parsed.host, parsed.path + (query.isEmpty ? "" : "?" + query))
  }

  /// The application services a behaviour calls or proxies to.
  static func calledServices(_ node: JSONNode?) -> Set<String> {
    guard let node else { return [] }
    var hosts: Set<String> = []
    func visit(_ value: JSONOutput) {
      guard case .object(let members) = value else { return }
      if case .string(let proxy)? = members["proxyPass"], let parsed = RequestURL.parse(proxy) {
        hosts.insert(parsed.host)
      }
      if case .array(let calls)? = members["calls"] {
        for case .object(let fields) in calls {
          if case .string(let target)? = fields["url"], let parsed = RequestURL.parse(target) {
            hosts.insert(parsed.host)
          }
        }
      }
      if case .array(let rules)? = members["paths"] { rules.forEach(visit) }
    }
    visit(JSONOutput(node))
    return hosts
  }
}
