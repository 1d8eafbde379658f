/// A `redirect` action: the ALB answers 301 or 302 with a `Location` built from the request.
///
/// Each URI part (`protocol://host:port/path?query`) is a template that may reuse the
/// request's parts through `#{protocol}`, `#{host}`, `#{port}`, `#{path}` (without its leading
/// `/`) and `#{query}`; parts left out keep their original values (ELBv2 API reference,
/// `RedirectActionConfig`).
public struct RedirectAction: Sendable, Hashable {
  /// `HTTP`, `HTTPS` or `#{protocol}`.
  public var `protocol`: String
  public var host: String
  public var port: String
  public var path: String
  public var query: String
  /// 301 or 302.
  public var statusCode: Int

  public init(
    protocol: String = "#{protocol}", host: String = "#{host}", port: String = "#{port}",
    path: String = "/#{path}", query: String = "#{query}", statusCode: Int
  ) {
    self.protocol = `protocol`
    self.host = host
    self.port = port
    self.path = path
    self.query = query
    self.statusCode = statusCode
  }

  /// Whether the redirect changes none of protocol, host, port and path: a redirect loop,
  /// which the API rejects.
  public var changesNothing: Bool {
    `protocol` == "#{protocol}" && host == "#{host}" && port == "#{port}" && path == "/#{path}"
  }

  /// The `Location` for a request with these parts (`scheme` lower-case, `path` with its
  /// leading `/`, `query` without `?`, empty when there is none).
  public func location(
    scheme: String, host requestHost: String, port requestPort: Int,
    path requestPath: String, query requestQuery: String
  ) -> String {
    func expand(_ template: String) -> String {
      var text = template
      let pathWithoutSlash =
        requestPath.hasPrefix("/") ? String(requestPath.dropFirst()) : requestPath
      for (keyword, value) in [
        ("#{protocol}", scheme.uppercased()), ("#{host}", requestHost),
        ("#{port}", String(requestPort)),
        ("#{path}", pathWithoutSlash), ("#{query}", requestQuery),
      ] {
        text = text.replacingAll(keyword, with: value)
      }
      return text
    }
    let newScheme = expand(`protocol`).lowercased()
    let newQuery = expand(query)
    return "\(newScheme)://\(expand(host)):\(expand(port))\(expand(path))"
      + (newQuery.isEmpty ? "" : "?" + newQuery)
  }
}

extension String {
  /// The text with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
