import RouteMatching

extension LatticeAuthPolicy {
  /// Evaluates the policy as IAM does: any matching `Deny` denies; else any matching `Allow`
  /// allows; else the request is implicitly denied.
  ///
  /// With `explain: false` the explanation is left empty and no text is built (the per-request
  /// path of untraced requests).
  public func evaluate(_ request: LatticeAuthRequest, explain: Bool = true) -> LatticeAuthDecision {
    var allowing: LatticePolicyStatement?
    for statement in statements where statement.applies(to: request) {
      if statement.effect == .deny {
        return LatticeAuthDecision(
          outcome: .explicitlyDenied, statement: statement.index,
          explanation: explain ? "explicitly denied by \(statement.label)" : "")
      }
      if allowing == nil { allowing = statement }
    }
    if let allowing {
      return LatticeAuthDecision(
        outcome: .allowed, statement: allowing.index,
        explanation: explain ? "allowed by \(allowing.label)" : "")
    }
    guard explain else {
      return LatticeAuthDecision(outcome: .implicitlyDenied, statement: nil, explanation: "")
    }
    let misses = statements.filter { $0.effect == .allow }.compactMap { statement in
      statement.mismatch(request).map { "\(statement.label): \($0)" }
    }
    let detail =
      misses.isEmpty ? "the policy has no Allow statement" : misses.joined(separator: "; ")
    return LatticeAuthDecision(
      outcome: .implicitlyDenied, statement: nil,
      explanation: "no statement allows the request (implicit deny): \(detail)")
  }
}

extension LatticePolicyStatement {
  /// Whether the statement applies to the request: principal, action, resource and every
  /// condition match. Builds no text.
  public func applies(to request: LatticeAuthRequest) -> Bool {
    switch principals {
    case .anyone: break
    case .listed(let entries):
      guard case .principal(let principal) = request.caller,
        entries.contains(where: { principal.isNamed(by: $0) })
      else { return false }
    }
    let actionListed = actions.contains {
      StringMatch.wildcard($0, caseSensitive: false).matches(request.action)
    }
    let resourceListed = resources.contains {
      StringMatch.wildcard($0, caseSensitive: true).matches(request.resource)
    }
    return actionListed != actionsNegated && resourceListed != resourcesNegated
      && conditions.allSatisfy { $0.holds(for: request) }
  }

  /// Why the statement does not apply to the request, or nil when it does.
  public func mismatch(_ request: LatticeAuthRequest) -> String? {
    switch principals {
    case .anyone: break
    case .listed(let entries):
      guard case .principal(let principal) = request.caller else {
        return "principal: the anonymous caller is not among \(entries.joined(separator: ", "))"
      }
      if !entries.contains(where: { principal.isNamed(by: $0) }) {
        return "principal: \(principal.arn) is not among \(entries.joined(separator: ", "))"
      }
    }
    let actionListed = actions.contains {
      StringMatch.wildcard($0, caseSensitive: false).matches(request.action)
    }
    if actionListed == actionsNegated {
      return
        "action: \(request.action) is \(actionsNegated ? "excluded by NotAction" : "not among \(actions.joined(separator: ", "))")"
    }
    let resourceListed = resources.contains {
      StringMatch.wildcard($0, caseSensitive: true).matches(request.resource)
    }
    if resourceListed == resourcesNegated {
      return
        "resource: \(request.resource) is \(resourcesNegated ? "excluded by NotResource" : "not among \(resources.joined(separator: ", "))")"
    }
    for condition in conditions where !condition.holds(for: request) {
      return "condition \(condition.label): \(condition.failure(request))"
    }
    return nil
  }
}

extension LatticePolicyCondition {
  /// Whether the condition holds for the request (IAM condition-operator semantics).
  public func holds(for request: LatticeAuthRequest) -> Bool {
    let value = request.value(of: key)
    if conditionOperator == .null {
      let wantsAbsent = values.contains { $0.lowercased() == "true" }
      return (value == nil) == wantsAbsent
    }
    guard let value else { return ifExists || conditionOperator.isNegated }
    let matchesAny = values.contains { matches(value, $0) }
    return conditionOperator.isNegated ? !matchesAny : matchesAny
  }

  /// What the request had against what the condition wanted, for explanations.
  func failure(_ request: LatticeAuthRequest) -> String {
    let found = request.value(of: key).map { "'\($0)'" } ?? "absent"
    let listed = values.map { "'\($0)'" }
    switch conditionOperator {
    case .null:
      return
        "found \(found), expected the key \(values.contains { $0.lowercased() == "true" } ? "absent" : "present")"
    case _ where conditionOperator.isNegated:
      return "found \(found), expected none of \(listed.joined(separator: ", "))"
    default:
      return "found \(found), expected \(listed.joined(separator: " or "))"
    }
  }

  private func matches(_ value: String, _ expected: String) -> Bool {
    switch conditionOperator {
    case .stringEquals, .stringNotEquals:
      return value == expected
    case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase:
      return value.lowercased() == expected.lowercased()
    case .stringLike, .stringNotLike, .arnEquals, .arnNotEquals, .arnLike, .arnNotLike:
      return StringMatch.wildcard(expected, caseSensitive: true).matches(value)
    case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals,
      .numericGreaterThan,
      .numericGreaterThanEquals:
      guard let actual = Int64(value), let bound = Int64(expected) else { return false }
      switch conditionOperator {
      case .numericLessThan: return actual < bound
      case .numericLessThanEquals: return actual <= bound
      case .numericGreaterThan: return actual > bound
      case .numericGreaterThanEquals: return actual >= bound
      default: return actual == bound
      }
    case .bool:
      return value.lowercased() == expected.lowercased()
    case .null:
      return false
    }
  }
}
