/// A predicate over a request head: the one condition language every listener rule, route and
/// gateway route is compiled into.
///
/// Leaves test one request part (path, host, method, a header, a query parameter, the port, the
/// peer address); `allOf`, `anyOf` and `not` combine them. Converters express each service's
/// rule as one condition: ALB "OR within a condition, AND across conditions" becomes
/// `allOf([anyOf(values), …])`; App Mesh's AND of path, method, headers and query parameters
/// becomes `allOf` in Envoy's evaluation order. `allOf` evaluates in order and stops at the first
/// failure; `anyOf` stops at the first success.
///
/// `matches(_:)` is the allocation-free hot path; `evaluate(_:)` also builds the reason a
/// condition failed, for `explain`.
public indirect enum RequestCondition: Sendable, Hashable {
  /// Holds for every request (a default rule, an App Mesh `prefix: /` route).
  case always
  /// The request path (without query) satisfies the matcher.
  case path(PathMatch)
  /// The request host (without port) satisfies the matcher.
  case host(HostMatch)
  /// The method equals one of the listed methods, case-sensitively (`get` is not `GET`).
  case method([String])
  /// Header test (name case-insensitive, repeated fields combined with `,`):
  /// `match: nil, invert: false` = present; `match: nil, invert: true` = absent;
  /// `match: m` = present and value satisfies `m`; `match: m, invert: true` = present and value
  /// does *not* satisfy `m` — an absent header fails both, as in Envoy.
  case header(name: String, match: StringMatch?, invert: Bool)
  /// Query test on the raw query. With a `name` (compared case-sensitively, as Envoy does) the
  /// first parameter of that name must exist and, when `match` is given, its value must satisfy
  /// it. With `name: nil` (ALB value-only condition) some parameter's value must satisfy `match`;
  /// with both `nil`, the query must have at least one parameter.
  case query(name: String?, match: StringMatch?)
  /// As `query` with a name, but the name is compared case-insensitively (ALB `query-string`
  /// key/value conditions are case-insensitive in both key and value).
  case queryNameIgnoringCase(name: String, match: StringMatch?)
  /// The request arrived on this destination port.
  case port(Int)
  /// The immediate peer's IPv4 address lies in one of the blocks (ALB `source-ip`).
  case sourceAddress([CIDRRange])
  /// Every condition holds; evaluated in order, stopping at the first failure. Empty = always.
  case allOf([RequestCondition])
  /// At least one condition holds; evaluated in order, stopping at the first success.
  /// Empty = never.
  case anyOf([RequestCondition])
  /// The condition does not hold.
  case not(RequestCondition)

  /// Whether the request satisfies the condition. Does not allocate for single-valued headers.
  public func matches(_ request: RequestHead) -> Bool {
    switch self {
    case .always:
      return true
    case .path(let match):
      return match.matches(request.path)
    case .host(let match):
      return match.matches(request.host)
    case .method(let methods):
      return methods.contains { ASCIICaseFolding.equal($0, request.method, caseSensitive: true) }
    case .header(let name, let match, let invert):
      guard let value = request.headers.combinedValue(for: name) else {
        return invert && match == nil
      }
      guard let match else { return !invert }
      return match.matches(value) != invert
    case .query(let name, let match):
      guard let name else {
        guard let match else { return !request.query.isEmpty }
        return request.query.contains { match.matches($0.value) }
      }
      return Self.queryMatches(request, name: name, nameCaseSensitive: true, match: match)
    case .queryNameIgnoringCase(let name, let match):
      return Self.queryMatches(request, name: name, nameCaseSensitive: false, match: match)
    case .port(let port):
      return request.port == port
    case .sourceAddress(let ranges):
      guard let address = request.sourceAddress else { return false }
      return ranges.contains { $0.contains(address) }
    case .allOf(let conditions):
      for condition in conditions where !condition.matches(request) {
        return false
      }
      return true
    case .anyOf(let conditions):
      for condition in conditions where condition.matches(request) {
        return true
      }
      return false
    case .not(let condition):
      return !condition.matches(request)
    }
  }

  /// Whether the answer of `matches` may depend on the request's peer address (the condition
  /// tests `sourceAddress` somewhere); otherwise it depends on the head's parts and port alone.
  public var readsPeerAddress: Bool {
    switch self {
    case .sourceAddress: return true
    case .allOf(let conditions), .anyOf(let conditions): return conditions.contains { $0.readsPeerAddress }
    case .not(let condition): return condition.readsPeerAddress
    case .always, .path, .host, .method, .header, .query, .queryNameIgnoringCase, .port: return false
    }
  }

  /// The value of the first query parameter called `name`, or `nil`.
  static func firstQueryValue(
    _ request: RequestHead, name: String, nameCaseSensitive: Bool
  ) -> String? {
    for parameter in request.query
    where ASCIICaseFolding.equal(parameter.name, name, caseSensitive: nameCaseSensitive) {
      return parameter.value
    }
    return nil
  }

  private static func queryMatches(
    _ request: RequestHead, name: String, nameCaseSensitive: Bool, match: StringMatch?
  ) -> Bool {
    guard let value = firstQueryValue(request, name: name, nameCaseSensitive: nameCaseSensitive)
    else { return false }
    return match?.matches(value) ?? true
  }
}
