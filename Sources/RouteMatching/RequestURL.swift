/// The parts of an absolute `http`/`https` URL that routing looks at.
///
/// Accepts `scheme://host[:port][/path][?query][#fragment]`: the scheme is `http` or `https`
/// (any case, stored lower-cased), or `tcp` for a raw TCP connection (a database, SMTP), which
/// carries no host name a proxy can see and needs an explicit port; the host is a DNS name, an IPv4 address or a bracketed IPv6
/// literal, kept as written (routing folds case itself); the port defaults to 80 / 443 and must
/// be 1–65535; the path defaults to `/`; the query is split on `&` and at the first `=`, without
/// percent-decoding (ALB and Envoy match the raw query); a fragment is dropped, as clients never
/// send it. User information (`user@`), spaces and control characters make the URL malformed.
public struct RequestURL: Sendable, Equatable {
  /// `http` or `https`.
  public var scheme: String
  /// The host as written, without port.
  public var host: String
  /// The explicit port, or the scheme's default.
  public var port: Int
  /// The path, starting with `/`, without query.
  public var path: String
  /// The query parameters in order; a parameter without `=` has an empty value.
  public var query: [(name: String, value: String)]

  /// Parses `text`, or returns `nil` when it is not a well-formed absolute http(s) URL.
  public static func parse(_ text: String) -> RequestURL? {
    guard let separator = text.firstRange(of: "://") else { return nil }
    let scheme = ASCIICaseFolding.lowercased(String(text[..<separator.lowerBound]))
    let defaultPort: Int
    switch scheme {
    case "http": defaultPort = 80
    case "https": defaultPort = 443
    case "tcp": defaultPort = 0
    default: return nil
    }
    var rest = text[separator.upperBound...]
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    guard rest.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return nil }
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
    guard let (host, port) = parseAuthority(rest[..<authorityEnd], defaultPort: defaultPort)
    else { return nil }
    let target = rest[authorityEnd...]
    let queryStart = target.firstIndex(of: "?")
    let rawPath = target[..<(queryStart ?? target.endIndex)]
    let path = rawPath.isEmpty ? "/" : String(rawPath)
    var query: [(name: String, value: String)] = []
    if let queryStart {
      query = parseQuery(target[target.index(after: queryStart)...])
    }
    return RequestURL(scheme: scheme, host: host, port: port, path: path, query: query)
  }

  /// Splits a raw query string (without `?`) into parameters; empty pieces are skipped.
  public static func parseQuery(_ text: Substring) -> [(name: String, value: String)] {
    text.split(separator: "&", omittingEmptySubsequences: true).map { piece in
      if let equals = piece.firstIndex(of: "=") {
        return (name: String(piece[..<equals]), value: String(piece[piece.index(after: equals)...]))
      }
      return (name: String(piece), value: "")
    }
  }

  public static func == (lhs: RequestURL, rhs: RequestURL) -> Bool {
    lhs.scheme == rhs.scheme && lhs.host == rhs.host && lhs.port == rhs.port
      && lhs.path == rhs.path && lhs.query.count == rhs.query.count
      && zip(lhs.query, rhs.query).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  private static func parseAuthority(
    _ authority: Substring, defaultPort: Int
  ) -> (host: String, port: Int)? {
    let host: Substring
    let portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      host = authority[...close]
      let inner = authority[authority.index(after: authority.startIndex)..<close]
      guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
      else { return nil }
      let after = authority[authority.index(after: close)...]
      guard after.isEmpty || after.hasPrefix(":") else { return nil }
      portText = after.isEmpty ? nil : after.dropFirst()
    } else {
      let colon = authority.firstIndex(of: ":")
      host = authority[..<(colon ?? authority.endIndex)]
      portText = colon.map { authority[authority.index(after: $0)...] }
      guard !host.isEmpty, host.allSatisfy(isHostCharacter) else { return nil }
    }
    guard let portText else { return defaultPort == 0 ? nil : (String(host), defaultPort) }
    guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigitCharacter),
      let port = Int(portText), (1...65535).contains(port)
    else { return nil }
    return (String(host), port)
  }

  private static func isHostCharacter(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A)
      || (ascii >= 0x30 && ascii <= 0x39) || ascii == 0x2D || ascii == 0x2E || ascii == 0x5F
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool {
    guard let ascii = asciiValue else { return false }
    return ascii >= 0x30 && ascii <= 0x39
  }
}
