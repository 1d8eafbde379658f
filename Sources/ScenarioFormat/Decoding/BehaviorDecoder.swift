import Diagnostics

/// Decodes the simulation-only `behavior` object of a container or external endpoint.
public enum BehaviorDecoder {
  public static func behavior(_ r: ObjectReader) -> BehaviorSpec {
    let context = r.context
    let response = self.response(r)
    let paths = context.objects(r.array("paths"), what: "path behavior") {
      rule -> BehaviorSpec.Rule? in
      let prefix = rule.string("prefix")
      let exact = rule.string("path")
      if prefix == nil && exact == nil {
        context.diagnostics.error(
          "schema.missing-key", "path behavior needs 'prefix' or 'path'", at: rule.node.location,
          path: rule.node.path.description)
        return nil
      }
      return BehaviorSpec.Rule(
        pathPrefix: prefix, pathExact: exact, response: self.response(rule),
        source: SourceRef(rule.node))
    }
    let concurrency = r.int("concurrency", range: 1...1_000_000)
    let upstreamTimeout = r.duration("upstreamTimeout")
    return BehaviorSpec(
      response: response, paths: paths, concurrency: concurrency, upstreamTimeout: upstreamTimeout,
      source: SourceRef(r.node))
  }

  static func response(_ r: ObjectReader) -> BehaviorSpec.Response {
    let context = r.context
    var response = BehaviorSpec.Response()
    response.status = r.int("status", range: 100...599)
    response.body = r.string("body")
    if let headers = r.object("headers", what: "response headers") {
      for member in headers.node.objectMembers {
        if let value = headers.string(member.key) { response.headers.append((member.key, value)) }
      }
      headers.finish()
    }
    if let node = r.node("latency") {
      switch node.value {
      case .string:
        if let value = context.duration(node, what: "'latency'") {
          response.latency = .fixed(value)
        }
      case .object:
        if let latency = context.object(node, what: "latency") {
          if let mean = latency.duration("exponential") {
            response.latency = .exponential(mean: mean)
          } else if let fixed = latency.duration("fixed") {
            response.latency = .fixed(fixed)
          } else {
            context.diagnostics.error(
              "schema.missing-key", "latency object needs 'fixed' or 'exponential'",
              at: node.location,
              path: node.path.description, hint: "for example {\"exponential\": \"2ms\"}")
          }
          latency.finish()
        }
      default:
        context.typeMismatch(
          node, expected: "duration string or {\"exponential\": …}", key: "'latency'")
      }
    }
    response.failRatio = r.ratio("failRatio")
    response.failStatus = r.int("failStatus", range: 100...599)
    response.proxyPass = r.string("proxyPass")
    response.resetConnection = r.bool("resetConnection") ?? false
    response.failFor = r.duration("failFor")
    response.setFault = r.int("setFault", range: 100...599)
    response.clearFault = r.bool("clearFault") ?? false
    response.calls = context.objects(r.array("calls"), what: "call") { call -> BehaviorSpec.Call? in
      guard let url = call.string("url", required: true) else { return nil }
      var headers: [(String, String)] = []
      if let headerReader = call.object("headers", what: "call headers") {
        for member in headerReader.node.objectMembers {
          if let value = headerReader.string(member.key) { headers.append((member.key, value)) }
        }
        headerReader.finish()
      }
      return BehaviorSpec.Call(
        method: call.string("method") ?? "GET", url: url, headers: headers,
        timeout: call.duration("timeout"),
        source: SourceRef(call.node))
    }
    return response
  }
}
