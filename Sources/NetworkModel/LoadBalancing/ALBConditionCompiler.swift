import RouteMatching
import ScenarioFormat

/// Converts ALB rule conditions into the shared `RequestCondition` language, with ALB's
/// matching semantics (Elastic Load Balancing, "Listener rules for your Application Load
/// Balancer"):
///
/// - `host-header`: case-insensitive, `*` and `?` wildcards (`*.example.com` does not match
///   `example.com`);
/// - `path-pattern`: case-sensitive wildcards on the path only (never the query);
/// - `http-header`: header name and values case-insensitive, wildcards in values;
/// - `http-request-method`: case-sensitive exact names;
/// - `query-string`: case-insensitive key/value pairs or values under any key, wildcards;
/// - `source-ip`: CIDR blocks tested against the immediate peer, never `X-Forwarded-For`.
///
/// The values of one condition are alternatives (OR); a rule's conditions must all hold (AND).
/// `RegexValues` become whole-value regular expressions.
public enum ALBConditionCompiler {
  /// A value that cannot be compiled: a malformed regular expression or CIDR block.
  public struct Problem: Error, Sendable, Equatable {
    public var message: String
  }

  /// The condition for one ALB `RuleCondition`.
  ///
  /// - Throws: `Problem` for a malformed regular expression or CIDR block.
  public static func compile(_ spec: RuleConditionSpec) throws(Problem) -> RequestCondition {
    var alternatives: [RequestCondition] = []
    switch spec.field {
    case .hostHeader:
      alternatives = spec.values.map { .host(.wildcard($0)) }
      if let pattern = spec.regexValues.first {
        throw Problem(
          message: "'RegexValues' on host-header conditions ('\(pattern)') are not modelled")
      }
    case .pathPattern:
      alternatives = spec.values.map { .path(.wildcard($0, caseSensitive: true)) }
      for pattern in spec.regexValues { alternatives.append(.path(.regex(try regex(pattern)))) }
    case .httpHeader:
      let name = spec.headerName ?? ""
      alternatives = spec.values.map {
        .header(name: name, match: .wildcard($0, caseSensitive: false), invert: false)
      }
      for pattern in spec.regexValues {
        alternatives.append(.header(name: name, match: .regex(try regex(pattern)), invert: false))
      }
    case .httpRequestMethod:
      return .method(spec.values)
    case .queryString:
      alternatives = spec.queryValues.map { entry in
        let match = StringMatch.wildcard(entry.value, caseSensitive: false)
        guard let key = entry.key else { return .query(name: nil, match: match) }
        return .queryNameIgnoringCase(name: key, match: match)
      }
    case .sourceIP:
      var blocks: [CIDRRange] = []
      for text in spec.values {
        guard let block = CIDRRange(text) else {
          throw Problem(
            message:
              "invalid source-ip block '\(text)'; write an IPv4 CIDR such as \"192.0.2.0/24\"")
        }
        blocks.append(block)
      }
      return .sourceAddress(blocks)
    }
    return alternatives.count == 1 ? alternatives[0] : .anyOf(alternatives)
  }

  static func regex(_ pattern: String) throws(Problem) -> CompiledRegex {
    do {
      return try CompiledRegex(pattern: pattern)
    } catch {
      throw Problem(message: String(describing: error))
    }
  }
}
