/// What a router can see of an HTTP request before its body: method, URL parts, headers and
/// the address of the immediate peer.
///
/// This is the input of every matcher (Envoy's request headers plus stream info). `host` is the
/// Host header value without port, as sent (case preserved; host matchers fold case). `path`
/// excludes the query, which is kept as ordered raw pairs. `sourceAddress` is the IPv4 address of
/// the connection's peer — for ALB `source-ip` that is the immediate client or proxy, never
/// `X-Forwarded-For`.
///
/// A head is a value, but its strings, query and headers live in one shared, copy-on-write box
/// (`Parts`): a request's head is copied from hop to hop, and each copy then costs one retain
/// instead of one per string and array. Reading a part borrows it from the box; changing one
/// copies the box first when another head shares it. The port and the peer address, which hops
/// change most, are stored inline.
public struct RequestHead: Sendable, Equatable {
  /// The request method, case preserved (`GET`; method matching is case-sensitive).
  @inlinable public var method: String {
    _read { yield parts.method }
    _modify {
      makePartsUnique()
      yield &parts.method
    }
  }
  /// `http` or `https`.
  @inlinable public var scheme: String {
    _read { yield parts.scheme }
    _modify {
      makePartsUnique()
      yield &parts.scheme
    }
  }
  /// The Host header value without port, as sent.
  @inlinable public var host: String {
    _read { yield parts.host }
    _modify {
      makePartsUnique()
      yield &parts.host
    }
  }
  /// The destination port the request arrived on.
  public var port: Int
  /// The path without query, normally starting with `/`.
  @inlinable public var path: String {
    _read { yield parts.path }
    _modify {
      makePartsUnique()
      yield &parts.path
    }
  }
  /// The query parameters in order, raw (not percent-decoded).
  @inlinable public var query: [(name: String, value: String)] {
    _read { yield parts.query }
    _modify {
      makePartsUnique()
      yield &parts.query
    }
  }
  /// The request header fields.
  @inlinable public var headers: HTTPHeaders {
    _read { yield parts.headers }
    _modify {
      makePartsUnique()
      yield &parts.headers
    }
  }
  /// IPv4 address of the immediate peer, when known.
  public var sourceAddress: UInt32?
  /// The strings, query and headers; shared between copies of this head until one of them
  /// changes a part (`makePartsUnique`), so never mutated while shared.
  @usableFromInline var parts: Parts

  /// Creates a request head from its parts.
  public init(
    method: String, scheme: String, host: String, port: Int, path: String,
    query: [(name: String, value: String)] = [], headers: HTTPHeaders = .init(),
    sourceAddress: UInt32? = nil
  ) {
    parts = Parts(method: method, scheme: scheme, host: host, path: path, query: query, headers: headers)
    self.port = port
    self.sourceAddress = sourceAddress
  }

  /// Creates a request head for `method` and an absolute URL such as
  /// `http://orders.local:8080/api/x?v=2`; `nil` when the URL is malformed (see `RequestURL`).
  public init?(method: String, url: String, headers: HTTPHeaders = .init()) {
    guard let parsed = RequestURL.parse(url) else { return nil }
    self.init(
      method: method, scheme: parsed.scheme, host: parsed.host, port: parsed.port,
      path: parsed.path, query: parsed.query, headers: headers)
  }

  /// The request target as sent on the request line: path, then `?` and the query when there is
  /// one. A parameter with an empty value is written without `=`.
  public var target: String {
    if query.isEmpty { return path }
    let pieces = query.map { $0.value.isEmpty ? $0.name : $0.name + "=" + $0.value }
    return path + "?" + pieces.joined(separator: "&")
  }

  /// Whether this head and `other` share their stored parts: then their method, scheme, host,
  /// path, query and headers are equal (their port and peer address may still differ). A copy
  /// of a head shares its parts until one of the two changes a part. O(1).
  @inlinable
  public func sharesParts(with other: RequestHead) -> Bool {
    parts === other.parts
  }

  public static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
    guard lhs.port == rhs.port && lhs.sourceAddress == rhs.sourceAddress else { return false }
    if lhs.parts === rhs.parts { return true }
    return lhs.method == rhs.method && lhs.scheme == rhs.scheme && lhs.host == rhs.host
      && lhs.path == rhs.path && lhs.headers == rhs.headers
      && lhs.query.count == rhs.query.count
      && zip(lhs.query, rhs.query).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  /// The out-of-line parts of a head: its strings, query and headers.
  @usableFromInline
  final class Parts: @unchecked Sendable {
    @usableFromInline var method: String
    @usableFromInline var scheme: String
    @usableFromInline var host: String
    @usableFromInline var path: String
    @usableFromInline var query: [(name: String, value: String)]
    @usableFromInline var headers: HTTPHeaders

    @usableFromInline
    init(
      method: String, scheme: String, host: String, path: String, query: [(name: String, value: String)],
      headers: HTTPHeaders
    ) {
      self.method = method
      self.scheme = scheme
      self.host = host
      self.path = path
      self.query = query
      self.headers = headers
    }
  }

  /// Gives this head its own `parts` (a copy of shared ones) before a change.
  @inlinable
  mutating func makePartsUnique() {
    if !isKnownUniquelyReferenced(&parts) { copyParts() }
  }

  /// Replaces the shared `parts` by a copy of them.
  @usableFromInline
  mutating func copyParts() {
    let shared = parts
    parts = Parts(
      method: shared.method, scheme: shared.scheme, host: shared.host, path: shared.path,
      query: shared.query, headers: shared.headers)
  }
}
