import RouteMatching
import ScenarioFormat

extension ModelBuilder {
  /// Checks a URL the engine will use: every `{{ip:service/N}}` / `{{publicIp:service/N}}`
  /// placeholder names a task, and with the placeholders filled in the URL is a full http(s)
  /// URL (or `tcp://host:port`). Without this, a mistyped task name would silently become
  /// `0.0.0.0` at run time.
  func checkURL(_ url: String, at source: SourceRef) {
    var concrete = ""
    var rest = Substring(url)
    while let open = rest.firstRange(of: "{{") {
      guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
      concrete += rest[..<open.lowerBound]
      let token = rest[open.upperBound..<close.lowerBound]
      let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2, parts[0] == "ip" || parts[0] == "publicIp" {
        _ = resolveTask(String(parts[1]), at: source)
      } else {
        error(
          "model.invalid-url", "unknown placeholder '{{\(token)}}' in URL '\(url)'", at: source,
          hint: "write {{ip:<service>/<n>}} or {{publicIp:<service>/<n>}}, e.g. {{ip:backend/1}}")
      }
      concrete += "192.0.2.1"
      rest = rest[close.upperBound...]
    }
    concrete += rest
    if RequestHead(method: "GET", url: concrete) == nil {
      error(
        "model.invalid-url", "invalid URL '\(url)'", at: source,
        hint: "write a full http or https URL such as \"http://backend.ecs-navi.local:80/path\"")
    }
  }

  /// Checks the URLs that behaviours call; run after every service is declared, since a
  /// placeholder may name a task of a service declared after the task definition.
  func checkBehaviorURLs() {
    for (url, source) in behaviorURLs { checkURL(url, at: source) }
  }
}
