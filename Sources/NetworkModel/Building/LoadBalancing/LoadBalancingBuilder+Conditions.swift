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

  /// The character and length rules of each condition's values; false when one is broken
  /// (reported).
  func checkValues(_ spec: RuleConditionSpec) -> Bool {
    let problems = ALBConditionValueRules.problems(spec)
    for problem in problems {
      error("model.invalid-condition", problem.message, at: spec.source, hint: problem.hint)
    }
    return problems.isEmpty
  }
}
