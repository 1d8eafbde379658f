/// What a router can see of an HTTP request before its body: method, URL parts, headers and
/// the address of the immediate peer.
///
/// This is the input of every matcher (Envoy's request headers plus stream info). `host` is the
/// Host header value without port, as sent (case preserved; host matchers fold case). `path`
/// excludes the query, which is kept as ordered raw pairs. `sourceAddress` is the IPv4 address of
/// the connection's peer — for ALB `source-ip` that is the immediate client or proxy, never
/// `X-Forwarded-For`.
public struct RequestHead: Sendable, Equatable {
  /// The request method, case preserved (`GET`; method matching is case-sensitive).
  public var method: String
  /// `http` or `https`.
  public var scheme: String
  /// The Host header value without port, as sent.
  public var host: String
  /// The destination port the request arrived on.
  public var port: Int
  /// The path without query, normally starting with `/`.
  public var path: String
  /// The query parameters in order, raw (not percent-decoded).
  public var query: [(name: String, value: String)] {
    get { extras?.query ?? [] }
    _modify {
      makeExtrasUnique()
      yield &extras!.query
      dropEmptyExtras()
    }
  }
  /// The request header fields.
  public var headers: HTTPHeaders {
    get { extras?.headers ?? HTTPHeaders(storing: []) }
    _modify {
      makeExtrasUnique()
      yield &extras!.headers
      dropEmptyExtras()
    }
  }
  /// IPv4 address of the immediate peer, when known.
  public var sourceAddress: UInt32?
  /// The query and the headers, out of line and only when there are some (nil: neither): most
  /// requests have none, and a head is copied and destroyed several times per hop, each time
  /// retaining and releasing one reference here instead of two arrays. Copy on write.
  private var extras: Extras?

  /// Creates a request head from its parts.
  public init(
    method: String, scheme: String, host: String, port: Int, path: String,
    query: [(name: String, value: String)] = [], headers: HTTPHeaders = .init(),
    sourceAddress: UInt32? = nil
  ) {
    self.method = method
    self.scheme = scheme
    self.host = host
    self.port = port
    self.path = path
    self.sourceAddress = sourceAddress
    extras = query.isEmpty && headers.isEmpty ? nil : Extras(query: query, headers: headers)
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

  public static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
    lhs.method == rhs.method && lhs.scheme == rhs.scheme && lhs.host == rhs.host
      && lhs.port == rhs.port && lhs.path == rhs.path && lhs.headers == rhs.headers
      && lhs.sourceAddress == rhs.sourceAddress && lhs.query.count == rhs.query.count
      && zip(lhs.query, rhs.query).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  /// The storage of `query` and `headers`; shared between copies of a head until one of them
  /// changes either (`makeExtrasUnique`), so it is never mutated while shared.
  private final class Extras: @unchecked Sendable {
    var query: [(name: String, value: String)]
    var headers: HTTPHeaders

    init(query: [(name: String, value: String)], headers: HTTPHeaders) {
      self.query = query
      self.headers = headers
    }
  }

  /// Gives this head its own `extras` (a new one, or a copy of a shared one) before a change.
  private mutating func makeExtrasUnique() {
    if extras == nil {
      extras = Extras(query: [], headers: HTTPHeaders(storing: []))
    } else if !isKnownUniquelyReferenced(&extras) {
      let shared = extras.unsafelyUnwrapped
      extras = Extras(query: shared.query, headers: shared.headers)
    }
  }

  /// Drops `extras` when a change left both the query and the headers empty.
  private mutating func dropEmptyExtras() {
    if let current = extras, current.query.isEmpty, current.headers.isEmpty { extras = nil }
  }
}
