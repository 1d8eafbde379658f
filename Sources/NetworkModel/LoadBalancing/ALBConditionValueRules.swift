import ScenarioFormat

/// The character and length rules `CreateRule` applies to condition values (Elastic Load
/// Balancing, "Listener rules"): values of at most 128 characters; host names of letters,
/// digits, `-`, `.`, `*` and `?` with at least one `.` and only letters after the last one;
/// visible ASCII in paths, header values and query strings; header names of 1–40 token
/// characters; methods of upper-case letters, `-` and `_`; no `255.255.255.255/32` source.
public enum ALBConditionValueRules {
  /// A broken value: what is wrong, and how to fix it.
  public struct Problem: Sendable, Equatable {
    public var message: String
    public var hint: String?
  }

  /// Every problem with the values of `spec`, in value order.
  public static func problems(_ spec: RuleConditionSpec) -> [Problem] {
    var problems: [Problem] = []
    for value in spec.values + spec.queryValues.flatMap({ [$0.key ?? "", $0.value] })
    where value.count > 128 {
      problems.append(
        .init(message: "condition value '\(value.prefix(20))…' is longer than 128 characters"))
    }
    switch spec.field {
    case .hostHeader:
      for value in spec.values where !isHostPattern(value) {
        problems.append(
          .init(
            message: "invalid host-header value '\(value)'",
            hint:
              "letters, digits, '-', '.', '*' and '?', with at least one '.' and only letters after the last one"
          ))
      }
    case .pathPattern:
      for value in spec.values where !isVisible(value) {
        problems.append(
          .init(
            message:
              "invalid path-pattern value '\(value)': only visible ASCII characters are allowed"))
      }
    case .httpHeader:
      let name = spec.headerName ?? ""
      if !isHeaderName(name) {
        problems.append(
          .init(
            message: "invalid header name '\(name)'",
            hint: "a header field name of 1 to 40 token characters"))
      }
      for value in spec.values where !isVisible(value) {
        problems.append(
          .init(
            message:
              "invalid http-header value '\(value)': only visible ASCII characters are allowed"))
      }
    case .httpRequestMethod:
      for value in spec.values where !isMethod(value) {
        problems.append(
          .init(
            message: "invalid method '\(value)'",
            hint:
              "methods are matched case-sensitively: upper-case letters, '-' and '_' (GET, POST, CUSTOM-METHOD)"
          ))
      }
    case .queryString:
      for entry in spec.queryValues where !isVisible(entry.value) || !isVisible(entry.key ?? "x") {
        let text = (entry.key.map { $0 + "=" } ?? "") + entry.value
        problems.append(
          .init(
            message:
              "invalid query-string value '\(text)': only visible ASCII characters are allowed"))
      }
    case .sourceIP:
      for value in spec.values where value == "255.255.255.255/32" {
        problems.append(.init(message: "source-ip '255.255.255.255/32' is not allowed"))
      }
      for value in spec.values where value.contains(":") {
        problems.append(
          .init(
            message: "IPv6 source-ip block '\(value)' is not modelled",
            hint: "MeshSim simulates IPv4 addresses only"))
      }
    }
    return problems
  }

  /// Printable ASCII without space (0x21–0x7e).
  static func isVisible(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f }
  }

  static func isHostPattern(_ value: String) -> Bool {
    let afterDot = value.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
    let allowed = value.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
          || "-.*?".unicodeScalars.contains($0))
    }
    return allowed && value.contains(".") && !afterDot.isEmpty
      && afterDot.allSatisfy { $0.isASCII && $0.isLetter }
  }

  static func isHeaderName(_ name: String) -> Bool {
    (1...40).contains(name.count)
      && name.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
      }
  }

  static func isMethod(_ value: String) -> Bool {
    (1...40).contains(value.count)
      && value.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" }
  }
}
