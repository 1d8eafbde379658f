import Diagnostics

/// Listeners, rules, their actions and HTTP matches.
extension LatticeSectionDecoder {
  static func listener(_ r: ObjectReader) -> LatticeListenerSpec? {
    r.accept(describeOnlyKeys + ["serviceArn", "serviceId"])
    let service = r.string("serviceIdentifier", required: true)
    let name = r.string("name", required: true)
    let protocolName = r.string("protocol", required: true)
    let port = r.int("port", range: 1...65535)
    let action = r.object("defaultAction", required: true, what: "defaultAction").flatMap {
      reader -> LatticeRuleActionSpec? in
      defer { reader.finish() }
      return ruleAction(reader)
    }
    let id = r.string("id")
    let arn = r.string("arn")
    guard let service, let name, let protocolName else { return nil }
    return LatticeListenerSpec(
      service: service, name: name, protocolName: protocolName, port: port, defaultAction: action,
      id: id,
      arn: arn, source: SourceRef(r.node))
  }

  static func rule(_ r: ObjectReader) -> LatticeRuleSpec? {
    r.accept(
      describeOnlyKeys + ["isDefault", "listenerArn", "listenerId", "serviceArn", "serviceId"])
    let service = r.string("serviceIdentifier")
    let listener = r.string("listenerIdentifier", required: true)
    let name = r.string("name", required: true)
    let priority = r.int("priority", required: true, range: 1...2000)
    let match = r.object("match", required: true, what: "rule match").flatMap { ruleMatch($0) }
    let action = r.object("action", required: true, what: "rule action").flatMap {
      reader -> LatticeRuleActionSpec? in
      defer { reader.finish() }
      return ruleAction(reader)
    }
    let id = r.string("id")
    let arn = r.string("arn")
    guard let listener, let name, let priority else { return nil }
    return LatticeRuleSpec(
      service: service, listener: listener, name: name, priority: priority, match: match,
      action: action,
      id: id, arn: arn, source: SourceRef(r.node))
  }

  /// Reads `{"httpMatch": {…}}` and finishes the reader.
  static func ruleMatch(_ r: ObjectReader) -> LatticeHTTPMatchSpec? {
    defer { r.finish() }
    guard let http = r.object("httpMatch", required: true, what: "httpMatch") else { return nil }
    defer { http.finish() }
    let method = http.string("method")
    let path = http.object("pathMatch", what: "pathMatch").flatMap {
      reader -> LatticePathMatchSpec? in
      defer { reader.finish() }
      let caseSensitive = reader.bool("caseSensitive")
      guard let value = matchValue(reader, allowed: [.exact, .prefix], what: "path match") else {
        return nil
      }
      return LatticePathMatchSpec(
        kind: value.kind, value: value.text, caseSensitive: caseSensitive,
        source: SourceRef(reader.node))
    }
    let headers = http.context.objects(http.array("headerMatches"), what: "header match") {
      reader -> LatticeHeaderMatchSpec? in
      let name = reader.string("name", required: true)
      let caseSensitive = reader.bool("caseSensitive")
      let value = matchValue(reader, allowed: LatticeMatchKind.allCases, what: "header match")
      guard let name, let value else { return nil }
      return LatticeHeaderMatchSpec(
        name: name, kind: value.kind, value: value.text, caseSensitive: caseSensitive,
        source: SourceRef(reader.node))
    }
    return LatticeHTTPMatchSpec(
      method: method, pathMatch: path, headerMatches: headers, source: SourceRef(http.node))
  }

  /// Reads `"match": {"exact": …}` (or `prefix` / `contains`): exactly one of the allowed kinds.
  static func matchValue(
    _ r: ObjectReader, allowed: [LatticeMatchKind], what: String
  ) -> (kind: LatticeMatchKind, text: String)? {
    guard let match = r.object("match", required: true, what: "\(what) 'match'") else { return nil }
    defer { match.finish() }
    var found: [(LatticeMatchKind, String)] = []
    for kind in allowed {
      if let text = match.string(kind.rawValue) { found.append((kind, text)) }
    }
    guard found.count == 1 else {
      let names = allowed.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      r.context.error(
        .schemaInvalidValue, "\(what) needs exactly one of \(names)", at: match.node,
        hint: found.isEmpty ? "for example {\"prefix\": \"/api\"}" : "write one match per entry")
      return nil
    }
    return (found[0].0, found[0].1)
  }

  /// Reads a rule action or default action: exactly one of `forward` and `fixedResponse`.
  static func ruleAction(_ r: ObjectReader) -> LatticeRuleActionSpec? {
    let forward = r.object("forward", what: "forward action")
    let fixed = r.object("fixedResponse", what: "fixedResponse action")
    defer {
      forward?.finish()
      fixed?.finish()
    }
    if (forward == nil) == (fixed == nil) {
      r.context.error(
        .schemaInvalidValue, "\(r.what) needs exactly one of 'forward' and 'fixedResponse'",
        at: r.node,
        hint: "for example {\"forward\": {\"targetGroups\": [{\"targetGroupIdentifier\": \"tg\"}]}}"
      )
      return nil
    }
    if let fixed {
      guard let status = fixed.int("statusCode", required: true, range: 100...599) else {
        return nil
      }
      return .fixedResponse(statusCode: status, source: SourceRef(fixed.node))
    }
    guard let forward else { return nil }
    let groups = r.context.objects(
      forward.array("targetGroups", required: true), what: "weighted target group"
    ) { entry -> LatticeWeightedTargetGroupSpec? in
      let group = entry.string("targetGroupIdentifier", required: true)
      let weight = entry.int("weight", range: 0...999)
      guard let group else { return nil }
      return LatticeWeightedTargetGroupSpec(
        targetGroup: group, weight: weight, source: SourceRef(entry.node))
    }
    return .forward(groups, source: SourceRef(forward.node))
  }
}
