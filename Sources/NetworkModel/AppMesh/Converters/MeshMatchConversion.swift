import RouteMatching
import ScenarioFormat

/// Converts App Mesh route and gateway-route matches into the shared ``RequestCondition``
/// language, with Envoy's semantics (AWS behaviour §1.7, §1.8):
///
/// * path `prefix` is a plain, case-sensitive string prefix (`/` matches everything); `path.exact`
///   is whole-path equality; `path.regex` must match the whole path;
/// * header `exact`, `prefix`, `suffix` compare case-sensitively, `regex` is a full match, `range`
///   has an exclusive end; no `match` tests presence; `invert` negates (an absent header fails an
///   inverted value match, and `invert` without `match` means "absent");
/// * query parameters compare names and exact values case-sensitively;
/// * gRPC `serviceName`/`methodName` become the request path `/<service>/<method>`;
/// * conditions are evaluated in Envoy's order: host, path, method, headers, query, port.
public enum MeshMatchConversion {
  /// A problem found while converting (an invalid regex), with where it is.
  public struct Problem: Error, Sendable {
    public var message: String
    public var source: SourceRef
  }

  /// The condition for `match` of a route or gateway route of `kind`.
  public static func condition(_ match: MeshMatchSpec?, kind: AppMeshProtocol) -> (
    RequestCondition, [Problem]
  ) {
    guard let match else { return (.always, []) }
    var parts: [RequestCondition] = []
    var problems: [Problem] = []
    if let exact = match.hostnameExact { parts.append(.host(.exact(exact))) }
    if let suffix = match.hostnameSuffix { parts.append(.host(.suffix(suffix))) }
    if kind == .grpc {
      if let service = match.serviceName {
        parts.append(
          .path(
            match.methodName.map { .exact("/\(service)/\($0)", caseSensitive: true) }
              ?? .prefix("/\(service)/", caseSensitive: true)))
      }
    } else if kind != .tcp {
      if let prefix = match.prefix { parts.append(.path(.prefix(prefix, caseSensitive: true))) }
      if let exact = match.pathExact { parts.append(.path(.exact(exact, caseSensitive: true))) }
      if let pattern = match.pathRegex {
        switch compile(pattern, at: match.source) {
        case .success(let regex): parts.append(.path(.regex(regex)))
        case .failure(let problem): problems.append(problem)
        }
      }
      if let method = match.method { parts.append(.method([method])) }
    }
    for header in match.headers {
      var value: StringMatch?
      if let first = header.matches.first {
        switch first {
        case .exact(let text): value = .exact(text, caseSensitive: true)
        case .prefix(let text): value = .prefix(text, caseSensitive: true)
        case .suffix(let text): value = .suffix(text, caseSensitive: true)
        case .range(let start, let end): value = .range(start: start, end: end)
        case .regex(let pattern):
          switch compile(pattern, at: header.source) {
          case .success(let regex): value = .regex(regex)
          case .failure(let problem):
            problems.append(problem)
            continue
          }
        }
      }
      parts.append(.header(name: header.name, match: value, invert: header.invert))
    }
    for parameter in match.queryParameters {
      parts.append(
        .query(name: parameter.name, match: parameter.exact.map { .exact($0, caseSensitive: true) })
      )
    }
    if let port = match.port { parts.append(.port(port)) }
    switch parts.count {
    case 0: return (.always, problems)
    case 1: return (parts[0], problems)
    default: return (.allOf(parts), problems)
    }
  }

  /// The length of the literal path the match names: what orders unprioritised routes.
  public static func specificity(_ match: MeshMatchSpec?) -> Int {
    guard let match else { return 0 }
    if let prefix = match.prefix { return prefix.count }
    if let exact = match.pathExact { return exact.count }
    if let service = match.serviceName { return service.count + (match.methodName?.count ?? 0) + 2 }
    return 0
  }

  /// The literal prefix or exact path the match requires (gRPC: `/service/`), if any.
  public static func literalPath(_ match: MeshMatchSpec?) -> String? {
    guard let match else { return nil }
    if let prefix = match.prefix { return prefix }
    if let exact = match.pathExact { return exact }
    if let service = match.serviceName { return "/\(service)/" + (match.methodName ?? "") }
    return nil
  }

  static func compile(_ pattern: String, at source: SourceRef) -> Result<CompiledRegex, Problem> {
    do {
      return .success(try CompiledRegex(pattern: pattern))
    } catch let error as CompiledRegex.InvalidPattern {
      return .failure(Problem(message: error.description, source: source))
    } catch {
      return .failure(Problem(message: "invalid regex '\(pattern)'", source: source))
    }
  }
}
