import Diagnostics
import RouteMatching
import ScenarioFormat

/// Listeners, rules, their actions and HTTP matches.
extension LatticeSectionBuilder {
  /// Default quotas (adjustable, so exceeding them is a warning): aws-behaviour §3.8, C11.
  static let listenersPerServiceQuota = 2
  static let rulesPerListenerQuota = 10
  /// The console's priority range; the API accepts up to 2000 (C10).
  static let consolePriorityLimit = 100

  func buildListener(_ spec: LatticeListenerSpec) {
    checkName(
      spec.name, kind: "listener", length: 3...63, reservedPrefix: "listener-",
      at: builder.field(spec.source, "name"))
    let protocolSource = builder.field(spec.source, "protocol")
    guard
      let service = serviceTable.resolve(
        spec.service, at: builder.field(spec.source, "serviceIdentifier"),
        diagnostics: builder.diagnostics),
      let listenerProtocol = enumValue(
        spec.protocolName, LatticeListener.ListenerProtocol.self, key: "protocol",
        at: protocolSource)
    else { return }
    let port = spec.port ?? (listenerProtocol == .http ? 80 : 443)
    let serviceName = lattice.services[service].name
    if listenerProtocol == .tlsPassthrough && lattice.services[service].customDomainName == nil {
      builder.error(
        "model.invalid-listener",
        "a TLS_PASSTHROUGH listener needs its service '\(serviceName)' to have a customDomainName",
        at: protocolSource,
        hint: "Lattice routes passthrough connections by SNI, which must be the custom domain")
    }
    let siblings = lattice.services[service].listeners.map { lattice.listeners[$0] }
    if let other = siblings.first(where: { $0.port == port }) {
      builder.error(
        "model.duplicate-port",
        "service '\(serviceName)' already has listener '\(other.name)' on port \(port)",
        at: builder.field(spec.source, "port"))
      return
    }
    if siblings.count == Self.listenersPerServiceQuota {
      builder.warning(
        "model.lattice-quota",
        "service '\(serviceName)' has more than \(Self.listenersPerServiceQuota) listeners, the default quota (adjustable)",
        at: spec.source)
    }
    guard let actionSpec = spec.defaultAction,
      let action = ruleAction(actionSpec, listenerProtocol: listenerProtocol)
    else { return }
    let id = spec.id ?? LatticeIdentifiers.id("listener", "listener/\(serviceName)/\(spec.name)")
    let arn = spec.arn ?? "\(lattice.services[service].arn)/listener/\(id)"
    let index = lattice.listeners.count
    if !listenerTable.declare(
      "\(serviceName)/\(spec.name)", aliases: [id, arn], index: index, source: spec.source)
    {
      builder.duplicate(
        "listener", "\(serviceName)/\(spec.name)", at: spec.source, table: listenerTable)
      return
    }
    lattice.listeners.append(
      LatticeListener(
        name: spec.name, id: id, arn: arn, service: service, listenerProtocol: listenerProtocol,
        port: port,
        defaultAction: action, rules: [], source: spec.source))
    lattice.services[service].listeners.append(index)
  }

  /// Resolves a listener by id, ARN, `service/name`, or its name within `service` (or among all
  /// listeners when the name is unique).
  func resolveListener(_ reference: String, service: String?, at source: SourceRef) -> Int? {
    if let index = listenerTable.lookup(reference) { return index }
    if let service, let owner = serviceTable.lookup(service) {
      if let index = listenerTable.lookup("\(lattice.services[owner].name)/\(reference)") {
        return index
      }
    } else {
      let named = lattice.listeners.indices.filter { lattice.listeners[$0].name == reference }
      if named.count == 1 { return named[0] }
      if named.count > 1 {
        builder.error(
          "model.ambiguous-reference", "several services have a listener named '\(reference)'",
          at: source,
          hint: "add 'serviceIdentifier', or use the listener's id or ARN")
        return nil
      }
    }
    return listenerTable.resolve(reference, at: source, diagnostics: builder.diagnostics)
  }

  func buildRule(_ spec: LatticeRuleSpec) {
    checkName(
      spec.name, kind: "rule", length: 3...63, reservedPrefix: "rule-",
      at: builder.field(spec.source, "name"))
    guard
      let listenerIndex = resolveListener(
        spec.listener, service: spec.service, at: builder.field(spec.source, "listenerIdentifier"))
    else { return }
    let listener = lattice.listeners[listenerIndex]
    if let service = spec.service,
      let owner = serviceTable.resolve(
        service, at: builder.field(spec.source, "serviceIdentifier"),
        diagnostics: builder.diagnostics), owner != listener.service
    {
      builder.error(
        "model.invalid-reference",
        "listener '\(listener.name)' belongs to service '\(lattice.services[listener.service].name)'",
        at: builder.field(spec.source, "serviceIdentifier"))
    }
    if listener.listenerProtocol == .tlsPassthrough {
      builder.error(
        "model.invalid-listener",
        "TLS_PASSTHROUGH listener '\(listener.name)' takes no rules, only its default action",
        at: spec.source)
      return
    }
    guard let rule = rule(spec, listener: listenerIndex) else { return }
    if let other = lattice.listeners[listenerIndex].rules.first(where: {
      $0.priority == rule.priority
    }) {
      builder.error(
        "model.duplicate-priority",
        "priority \(rule.priority) is already used by rule '\(other.name)' on listener '\(listener.name)'",
        at: builder.field(spec.source, "priority"), hint: "rule priorities are unique per listener")
      return
    }
    if let other = lattice.listeners[listenerIndex].rules.first(where: { $0.name == rule.name }) {
      builder.error(
        "model.duplicate-name",
        "listener '\(listener.name)' already has a rule named '\(other.name)'", at: spec.source)
      return
    }
    lattice.listeners[listenerIndex].rules.append(rule)
    ruleSpecs[listenerIndex].append(spec)
  }

  /// Builds a rule from its spec (also used by `UpdateRule`).
  func rule(_ spec: LatticeRuleSpec, listener listenerIndex: Int) -> LatticeRule? {
    let listener = lattice.listeners[listenerIndex]
    if spec.priority > Self.consolePriorityLimit {
      builder.warning(
        "model.lattice-priority",
        "priority \(spec.priority) is above \(Self.consolePriorityLimit), the largest the console accepts (the API takes up to 2000)",
        at: builder.field(spec.source, "priority"))
    }
    guard let match = spec.match, checkMatch(match),
      let actionSpec = spec.action,
      let action = ruleAction(actionSpec, listenerProtocol: listener.listenerProtocol)
    else { return nil }
    let id = spec.id ?? LatticeIdentifiers.id("rule", "rule/\(listener.arn)/\(spec.name)")
    return LatticeRule(
      name: spec.name, id: id, arn: spec.arn ?? "\(listener.arn)/rule/\(id)",
      priority: spec.priority,
      condition: LatticeRuleConverter.condition(match), action: action, source: spec.source)
  }

  func finishListener(_ index: Int) {
    lattice.listeners[index].rules.sort { $0.priority < $1.priority }
    let listener = lattice.listeners[index]
    if listener.rules.count > Self.rulesPerListenerQuota {
      builder.warning(
        "model.lattice-quota",
        "listener '\(listener.name)' has \(listener.rules.count) rules, above the default quota of \(Self.rulesPerListenerQuota) (adjustable)",
        at: listener.source)
    }
  }

  /// Checks an `httpMatch` against Lattice's constraints; false when it cannot be used.
  func checkMatch(_ match: LatticeHTTPMatchSpec) -> Bool {
    var valid = true
    if match.method == nil && match.pathMatch == nil && match.headerMatches.isEmpty {
      builder.error(
        "model.invalid-match", "httpMatch needs a 'method', 'pathMatch' or 'headerMatches'",
        at: match.source)
      valid = false
    }
    if let method = match.method, method.count > 16 || method.isEmpty {
      builder.error(
        "model.invalid-match", "method '\(method)' must be 1 to 16 characters",
        at: builder.field(match.source, "method"))
      valid = false
    }
    if let path = match.pathMatch {
      let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@:%_+.~#?&/=-"
      if !path.value.hasPrefix("/") || path.value.count > 200
        || !path.value.allSatisfy({ allowed.contains($0) })
      {
        builder.error(
          "model.invalid-match",
          "path '\(path.value)' must start with '/', be at most 200 characters and use only letters, digits and @:%_+.~#?&/=-",
          at: path.source, hint: "Lattice path matches take no wildcards: use 'prefix'")
        valid = false
      }
    }
    if match.headerMatches.count > 5 {
      builder.error(
        "model.invalid-match",
        "a rule matches at most 5 headers (\(match.headerMatches.count) given)",
        at: builder.field(match.source, "headerMatches"))
      valid = false
    }
    for header in match.headerMatches {
      if !(1...100).contains(header.name.count) || header.name.contains("*") {
        builder.error(
          "model.invalid-match",
          "header name '\(header.name)' must be 1 to 100 characters without wildcards",
          at: builder.field(header.source, "name"))
        valid = false
      }
      if !(1...200).contains(header.value.count) {
        builder.error(
          "model.invalid-match", "header match value must be 1 to 200 characters",
          at: builder.field(header.source, "match"))
        valid = false
      }
    }
    return valid
  }

  /// Resolves a forward or fixed-response action, checking what the listener accepts.
  func ruleAction(_ spec: LatticeRuleActionSpec, listenerProtocol: LatticeListener.ListenerProtocol)
    -> LatticeRuleAction?
  {
    switch spec {
    case .fixedResponse(let status, let source):
      if listenerProtocol == .tlsPassthrough {
        builder.error(
          "model.invalid-action", "a TLS_PASSTHROUGH listener must forward to TCP target groups",
          at: source)
        return nil
      }
      guard status == 404 || status == 500 else {
        builder.error(
          "model.invalid-fixed-response",
          "VPC Lattice accepts only status 404 or 500 in a fixed response, not \(status)",
          at: builder.field(source, "statusCode"))
        return nil
      }
      return .fixedResponse(status: status)
    case .forward(let entries, let source):
      guard (1...10).contains(entries.count) else {
        builder.error(
          "model.invalid-action",
          "a forward action names 1 to 10 target groups (\(entries.count) given)", at: source)
        return nil
      }
      var groups: [LatticeWeightedTargetGroup] = []
      for entry in entries {
        guard
          let group = targetGroupTable.resolve(
            entry.targetGroup, at: builder.field(entry.source, "targetGroupIdentifier"),
            diagnostics: builder.diagnostics)
        else { continue }
        let targetProtocol = lattice.targetGroups[group].targetProtocol
        if (listenerProtocol == .tlsPassthrough) != (targetProtocol == .tcp) {
          let expected =
            listenerProtocol == .tlsPassthrough
            ? "a TCP target group" : "an HTTP or HTTPS target group"
          builder.error(
            "model.invalid-action",
            "a \(listenerProtocol.rawValue) listener forwards to \(expected); '\(lattice.targetGroups[group].name)' is \(targetProtocol.rawValue)",
            at: builder.field(entry.source, "targetGroupIdentifier"))
          continue
        }
        if groups.contains(where: { $0.targetGroup == group }) {
          builder.error(
            "model.duplicate-target",
            "target group '\(lattice.targetGroups[group].name)' appears twice in one forward action",
            at: entry.source)
          continue
        }
        groups.append(LatticeWeightedTargetGroup(targetGroup: group, weight: entry.weight ?? 100))
      }
      guard groups.count == entries.count else { return nil }
      if groups.allSatisfy({ $0.weight == 0 }) {
        builder.error(
          "model.weights-sum-zero", "every target group of this forward action has weight 0",
          at: source)
        return nil
      }
      return .forward(groups)
    }
  }
}
