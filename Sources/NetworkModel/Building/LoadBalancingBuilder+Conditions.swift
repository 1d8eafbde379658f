import Diagnostics
import RouteMatching
import ScenarioFormat

/// Rule conditions: the per-rule limits ALB enforces, then compilation.
///
/// At most one each of host-header, http-request-method, path-pattern and source-ip per rule;
/// at most 3 match evaluations per condition and 5 per rule, and 5 wildcards per rule (the
/// 2023 guide's limits, enforced together, §6 C17); values of visible ASCII only.
extension LoadBalancingBuilder {
  static let singleConditions: [RuleConditionSpec.Field] = [
    .hostHeader, .httpRequestMethod, .pathPattern, .sourceIP,
  ]

  func compileConditions(_ specs: [RuleConditionSpec], at source: SourceRef) -> [RequestCondition]?
  {
    guard !specs.isEmpty else {
      error(
        "model.invalid-rule", "a rule needs at least one condition",
        at: field(source, "Conditions"),
        hint: "the listener's DefaultActions handle requests no rule matches")
      return nil
    }
    var valid = true
    var evaluations = 0
    var wildcards = 0
    var seen: [RuleConditionSpec.Field] = []
    var compiled: [RequestCondition] = []
    for spec in specs {
      if Self.singleConditions.contains(spec.field) && seen.contains(spec.field) {
        error(
          "model.duplicate-condition",
          "a rule takes at most one '\(spec.field.rawValue)' condition", at: spec.source,
          hint: "list several values in one condition (they are alternatives)")
        valid = false
      }
      seen.append(spec.field)
      let count = spec.values.count + spec.regexValues.count + spec.queryValues.count
      if count > 3 {
        error(
          "model.rule-limit",
          "'\(spec.field.rawValue)' condition has \(count) match evaluations; ALB allows 3 per condition",
          at: spec.source)
        valid = false
      }
      evaluations += count
      let texts = spec.values + spec.queryValues.flatMap { [$0.key ?? "", $0.value] }
      if spec.field != .sourceIP && spec.field != .httpRequestMethod {
        wildcards += texts.reduce(0) { $0 + $1.filter { $0 == "*" || $0 == "?" }.count }
      }
      valid = checkValues(spec) && valid
      do {
        compiled.append(try ALBConditionCompiler.compile(spec))
      } catch {
        self.error("model.invalid-condition", error.message, at: spec.source)
        valid = false
      }
    }
    if evaluations > 5 {
      error(
        "model.rule-limit", "the rule has \(evaluations) match evaluations; ALB allows 5 per rule",
        at: field(source, "Conditions"))
      valid = false
    }
    if wildcards > 5 {
      error(
        "model.rule-limit", "the rule uses \(wildcards) wildcards; ALB allows 5 per rule",
        at: field(source, "Conditions"))
      valid = false
    }
    return valid ? compiled : nil
  }

  /// The character and length rules of each condition's values.
  func checkValues(_ spec: RuleConditionSpec) -> Bool {
    var valid = true
    func invalid(_ message: String, hint: String? = nil) {
      error("model.invalid-condition", message, at: spec.source, hint: hint)
      valid = false
    }
    let visible = { (text: String) in
      text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f }
    }
    for value in spec.values + spec.queryValues.flatMap({ [$0.key ?? "", $0.value] })
    where value.count > 128 {
      invalid("condition value '\(value.prefix(20))…' is longer than 128 characters")
    }
    switch spec.field {
    case .hostHeader:
      for value in spec.values {
        let afterDot = value.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        let allowed = value.unicodeScalars.allSatisfy {
          $0.isASCII
            && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
              || "-.*?".unicodeScalars.contains($0))
        }
        if !allowed || !value.contains(".") || afterDot.isEmpty
          || !afterDot.allSatisfy({ $0.isASCII && $0.isLetter })
        {
          invalid(
            "invalid host-header value '\(value)'",
            hint:
              "letters, digits, '-', '.', '*' and '?', with at least one '.' and only letters after the last one"
          )
        }
      }
    case .pathPattern:
      for value in spec.values where !visible(value) {
        invalid("invalid path-pattern value '\(value)': only visible ASCII characters are allowed")
      }
    case .httpHeader:
      let name = spec.headerName ?? ""
      let token = name.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
      }
      if name.isEmpty || name.count > 40 || !token {
        invalid(
          "invalid header name '\(name)'", hint: "a header field name of 1 to 40 token characters")
      }
      for value in spec.values where !visible(value) {
        invalid("invalid http-header value '\(value)': only visible ASCII characters are allowed")
      }
    case .httpRequestMethod:
      for value in spec.values
      where value.isEmpty || value.count > 40
        || !value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" })
      {
        invalid(
          "invalid method '\(value)'",
          hint:
            "methods are matched case-sensitively: upper-case letters, '-' and '_' (GET, POST, CUSTOM-METHOD)"
        )
      }
    case .queryString:
      for entry in spec.queryValues where !visible(entry.value) || !visible(entry.key ?? "x") {
        invalid(
          "invalid query-string value '\(entry.key.map { $0 + "=" } ?? "")\(entry.value)': only visible ASCII characters are allowed"
        )
      }
    case .sourceIP:
      for value in spec.values where value == "255.255.255.255/32" {
        invalid("source-ip '255.255.255.255/32' is not allowed")
      }
      for value in spec.values where value.contains(":") {
        invalid(
          "IPv6 source-ip block '\(value)' is not modelled",
          hint: "MeshSim simulates IPv4 addresses only")
      }
    }
    return valid
  }
}
