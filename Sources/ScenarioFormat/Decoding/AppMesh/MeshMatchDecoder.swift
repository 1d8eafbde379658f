import Diagnostics

/// Decodes App Mesh request matches: HTTP route, HTTP gateway route, gRPC route and gRPC gateway
/// route matches, with their header (metadata) and query-parameter matchers.
enum MeshMatchDecoder {
  /// Which of the four match shapes is being read (each accepts a different set of keys).
  enum Shape {
    case httpRoute, httpGatewayRoute, grpcRoute, grpcGatewayRoute
    var isGRPC: Bool { self == .grpcRoute || self == .grpcGatewayRoute }
    var isGateway: Bool { self == .httpGatewayRoute || self == .grpcGatewayRoute }
  }

  static func match(_ r: ObjectReader, shape: Shape) -> MeshMatchSpec {
    var match = MeshMatchSpec(source: SourceRef(r.node))
    match.port = r.int("port", range: 1...65535)
    if shape.isGateway, let hostname = r.object("hostname", what: "hostname match") {
      match.hasHostnameObject = true
      match.hostnameExact = hostname.string("exact")
      match.hostnameSuffix = hostname.string("suffix")
      hostname.finish()
    }
    if shape.isGRPC {
      match.serviceName = r.string("serviceName")
      if shape == .grpcRoute { match.methodName = r.string("methodName") }
      match.headers = r.context.objects(r.array("metadata"), what: "metadata match") { header($0) }
      return match
    }
    match.prefix = r.string("prefix")
    if let path = r.object("path", what: "path match") {
      match.hasPathObject = true
      match.pathExact = path.string("exact")
      match.pathRegex = path.string("regex")
      path.finish()
    }
    match.method = r.enumValue("method", HTTPMethod.self).map(\.rawValue)
    if shape == .httpRoute { match.scheme = r.enumValue("scheme", HTTPScheme.self).map(\.rawValue) }
    match.headers = r.context.objects(r.array("headers"), what: "header match") { header($0) }
    match.queryParameters = r.context.objects(
      r.array("queryParameters"), what: "query parameter match"
    ) {
      queryParameter($0)
    }
    return match
  }

  enum HTTPMethod: String, CaseIterable {
    case get = "GET", head = "HEAD", post = "POST", put = "PUT", delete = "DELETE", connect =
      "CONNECT"
    case options = "OPTIONS", trace = "TRACE", patch = "PATCH"
  }

  enum HTTPScheme: String, CaseIterable {
    case http, https
  }

  /// `headers[]` / `metadata[]`: `name`, `invert`, optional `match` union.
  static func header(_ r: ObjectReader) -> MeshMatchSpec.Header? {
    let name = r.string("name", required: true)
    let invert = r.bool("invert") ?? false
    var matches: [MeshMatchSpec.ValueMatch] = []
    if let match = r.object("match", what: "header match method") {
      if let text = match.string("exact") { matches.append(.exact(text)) }
      if let text = match.string("prefix") { matches.append(.prefix(text)) }
      if let text = match.string("suffix") { matches.append(.suffix(text)) }
      if let text = match.string("regex") { matches.append(.regex(text)) }
      if let range = match.object("range", what: "range match") {
        let start = range.int("start", required: true)
        let end = range.int("end", required: true)
        if let start, let end { matches.append(.range(start: Int64(start), end: Int64(end))) }
        range.finish()
      }
      if matches.isEmpty {
        r.context.error(
          .schemaMissingKey, "header match needs one of exact, prefix, suffix, regex or range",
          at: match.node, hint: "leave 'match' out to test that the header is present")
      }
      match.finish()
    }
    guard let name else { return nil }
    return MeshMatchSpec.Header(
      name: name, matches: matches, invert: invert, source: SourceRef(r.node))
  }

  /// `queryParameters[]`: `name` and optional `match.exact`.
  static func queryParameter(_ r: ObjectReader) -> MeshMatchSpec.QueryParameter? {
    let name = r.string("name", required: true)
    var exact: String?
    if let match = r.object("match", what: "query parameter match") {
      exact = match.string("exact")
      match.finish()
    }
    guard let name else { return nil }
    return MeshMatchSpec.QueryParameter(name: name, exact: exact, source: SourceRef(r.node))
  }
}
