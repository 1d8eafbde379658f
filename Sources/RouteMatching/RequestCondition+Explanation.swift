extension RequestCondition {
  /// Evaluates the condition and, when it fails, says why.
  ///
  /// Reasons name the request part, the expectation and what was found, e.g.
  /// `header 'x-canary': expected exact 'true', found none` or
  /// `path: expected prefix '/api', found '/other'`. `allOf` reports its first failing part;
  /// a failed `anyOf` lists every alternative's reason.
  public func evaluate(_ request: RequestHead) -> MatchOutcome {
    if matches(request) { return .matched }
    return .notMatched(reason: failureReason(request))
  }

  /// A readable description of the condition, e.g.
  /// `host-header '*.example.com' and path-pattern '/img/*'`.
  public var summary: String {
    switch self {
    case .always:
      return "always"
    case .path(let match):
      return match.summary
    case .host(let match):
      return match.summary
    case .method(let methods):
      return "method " + Self.oneOf(methods.map(\.singleQuoted))
    case .header(let name, let match, let invert):
      return "header \(name.singleQuoted) " + Self.headerExpectation(match, invert: invert)
    case .query(let name, let match):
      guard let name else {
        guard let match else { return "query has any parameter" }
        return "query any value " + match.summary
      }
      return "query \(name.singleQuoted) " + (match?.summary ?? "present")
    case .queryNameIgnoringCase(let name, let match):
      return "query \(name.singleQuoted) (case-insensitive name) " + (match?.summary ?? "present")
    case .port(let port):
      return "port \(port)"
    case .sourceAddress(let ranges):
      return "source-ip " + Self.oneOf(ranges.map(\.description))
    case .allOf(let conditions):
      if conditions.isEmpty { return "always" }
      return conditions.map { $0.summaryInside(isAllOf: true) }.joined(separator: " and ")
    case .anyOf(let conditions):
      if conditions.isEmpty { return "never" }
      return conditions.map { $0.summaryInside(isAllOf: false) }.joined(separator: " or ")
    case .not(let condition):
      return "not (\(condition.summary))"
    }
  }

  private func summaryInside(isAllOf: Bool) -> String {
    switch self {
    case .allOf(let parts) where !isAllOf && parts.count > 1: return "(\(summary))"
    case .anyOf(let parts) where isAllOf && parts.count > 1: return "(\(summary))"
    default: return summary
    }
  }

  /// Why the condition fails for `request`; only meaningful when `matches(request)` is false.
  private func failureReason(_ request: RequestHead) -> String {
    switch self {
    case .always:
      return "always matches"
    case .path(let match):
      return "path: expected \(match.expectation), found \(request.path.singleQuoted)"
    case .host(let match):
      return "host: expected \(match.expectation), found \(request.host.singleQuoted)"
    case .method(let methods):
      let expected = Self.oneOf(methods.map(\.singleQuoted))
      return "method: expected \(expected), found \(request.method.singleQuoted)"
    case .header(let name, let match, let invert):
      let found = request.headers.combinedValue(for: name)?.singleQuoted ?? "none"
      let expected = Self.headerExpectation(match, invert: invert)
      return "header \(name.singleQuoted): expected \(expected), found \(found)"
    case .query(let name, let match):
      guard let name else {
        let expected = match.map { "a parameter value " + $0.summary } ?? "a query"
        let found = request.query.isEmpty ? "none" : Self.foundQuery(request)
        return "query: expected \(expected), found \(found)"
      }
      return Self.queryReason(request, name: name, nameCaseSensitive: true, match: match)
    case .queryNameIgnoringCase(let name, let match):
      return Self.queryReason(request, name: name, nameCaseSensitive: false, match: match)
    case .port(let port):
      return "port: expected \(port), found \(request.port)"
    case .sourceAddress(let ranges):
      let found = request.sourceAddress.map(CIDRRange.format) ?? "none"
      return "source-ip: expected \(Self.oneOf(ranges.map(\.description))), found \(found)"
    case .allOf(let conditions):
      for condition in conditions where !condition.matches(request) {
        return condition.failureReason(request)
      }
      return "all conditions matched"
    case .anyOf(let conditions):
      if conditions.isEmpty { return "no alternatives to match" }
      let reasons = conditions.map { $0.failureReason(request) }
      return reasons.count == 1 ? reasons[0] : "none matched: " + reasons.joined(separator: "; ")
    case .not(let condition):
      return "expected not (\(condition.summary)), but it matched"
    }
  }

  private static func queryReason(
    _ request: RequestHead, name: String, nameCaseSensitive: Bool, match: StringMatch?
  ) -> String {
    let value = firstQueryValue(request, name: name, nameCaseSensitive: nameCaseSensitive)
    let found = value?.singleQuoted ?? "none"
    return "query \(name.singleQuoted): expected \(match?.summary ?? "present"), found \(found)"
  }

  private static func foundQuery(_ request: RequestHead) -> String {
    request.query.map { ($0.name + "=" + $0.value).singleQuoted }.joined(separator: ", ")
  }

  private static func headerExpectation(_ match: StringMatch?, invert: Bool) -> String {
    switch (match, invert) {
    case (nil, false): return "present"
    case (nil, true): return "absent"
    case (let match?, false): return match.summary
    case (let match?, true): return "not " + match.summary
    }
  }

  private static func oneOf(_ items: [String]) -> String {
    switch items.count {
    case 0: return "nothing"
    case 1: return items[0]
    default: return "one of " + items.joined(separator: ", ")
    }
  }
}
