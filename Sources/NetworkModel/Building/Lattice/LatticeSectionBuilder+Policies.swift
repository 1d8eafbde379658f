import Diagnostics
import ScenarioFormat

/// Parses auth policies (IAM policy grammar, the subset VPC Lattice auth policies use), reporting
/// each problem at the element inside the policy.
extension LatticeSectionBuilder {
  static let policyVersions = ["2012-10-17", "2008-10-17"]
  static let latticeActions = ["Invoke", "Connect"]

  /// The parsed policy, or nil when it has errors (all reported).
  func authPolicy(_ spec: LatticeAuthPolicySpec) -> LatticeAuthPolicy? {
    let errorsBefore = builder.diagnostics.errorCount
    let context = DecodingContext(file: document.file, diagnostics: builder.diagnostics)
    guard let r = context.object(spec.document, what: "auth policy") else { return nil }
    if let version = r.string("Version"), !Self.policyVersions.contains(version),
      let node = r.node("Version")
    {
      context.invalid(node, "invalid policy Version '\(version)'", hint: "use \"2012-10-17\"")
    }
    _ = r.string("Id")
    var statements: [LatticePolicyStatement] = []
    if let node = r.node("Statement", required: true) {
      let elements = node.arrayValue ?? [node]
      if elements.isEmpty { context.invalid(node, "the policy has no statement") }
      for (index, element) in elements.enumerated() {
        guard let reader = context.object(element, what: "policy statement") else { continue }
        if let statement = statement(reader, index: index) { statements.append(statement) }
        reader.finish()
      }
    }
    r.finish()
    guard builder.diagnostics.errorCount == errorsBefore else { return nil }
    return LatticeAuthPolicy(statements: statements, source: SourceRef(spec.document))
  }

  func statement(_ r: ObjectReader, index: Int) -> LatticePolicyStatement? {
    let context = r.context
    let sid = r.string("Sid")
    let effect = r.enumValue("Effect", LatticePolicyStatement.Effect.self, required: true)
    if let node = r.node("NotPrincipal") {
      context.error(
        "model.unsupported", "NotPrincipal is not supported in auth policies", at: node,
        hint: "use Principal with a Deny statement or a condition on aws:PrincipalArn")
    }
    var principals: LatticePolicyStatement.Principals?
    if let node = r.node("Principal", required: true) {
      principals = self.principals(node, context: context)
    }
    let actions = elementList(r, "Action", negated: "NotAction", required: true)
    for (text, node) in actions.values { checkAction(text, at: node, context: context) }
    let resources = elementList(r, "Resource", negated: "NotResource", required: true)
    for (text, node) in resources.values where text != "*" && !text.hasPrefix("arn:") {
      context.invalid(
        node, "resource '\(text)' is neither \"*\" nor an ARN",
        hint:
          "for example \"arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0/*\""
      )
    }
    var conditions: [LatticePolicyCondition] = []
    if let block = r.object("Condition", what: "Condition block") {
      conditions = self.conditions(block)
    }
    guard let effect, let principals else { return nil }
    return LatticePolicyStatement(
      index: index, sid: sid, effect: effect, principals: principals,
      actions: actions.values.map(\.0),
      actionsNegated: actions.negated, resources: resources.values.map(\.0),
      resourcesNegated: resources.negated,
      conditions: conditions, source: SourceRef(r.node))
  }

  /// `"*"`, `{"AWS": "*"}` or `{"AWS": [account ids and ARNs]}`.
  func principals(_ node: JSONNode, context: DecodingContext) -> LatticePolicyStatement.Principals?
  {
    if node.stringValue == "*" { return .anyone }
    guard let r = context.object(node, what: "Principal") else { return nil }
    defer { r.finish() }
    for key in ["Service", "Federated", "CanonicalUser"] {
      if let other = r.node(key) {
        context.error(
          "model.unsupported",
          "'\(key)' principals are not modelled; Lattice callers are AWS identities or anonymous",
          at: other)
      }
    }
    guard let awsNode = r.node("AWS", required: true) else { return nil }
    let entries = stringList(awsNode, what: "'AWS' principal", context: context)
    if entries.contains(where: { $0.0 == "*" }) { return .anyone }
    for (text, entryNode) in entries where !isPolicyPrincipal(text) {
      context.invalid(
        entryNode, "'\(text)' is not an AWS principal",
        hint: "write \"*\", an account id, or an ARN such as arn:aws:iam::111111111111:role/orders")
    }
    return .listed(entries.map(\.0))
  }

  func isPolicyPrincipal(_ text: String) -> Bool {
    LatticePrincipal.parse(text) != nil
  }

  /// Checks one action pattern: `*`, `vpc-lattice-svcs:*`, `vpc-lattice-svcs:Invoke` or `Connect`.
  func checkAction(_ text: String, at node: JSONNode, context: DecodingContext) {
    if text == "*" { return }
    let parts = text.split(separator: ":", maxSplits: 1)
    guard parts.count == 2 else {
      context.invalid(
        node, "action '\(text)' is not '<service>:<action>'",
        hint: "use \"vpc-lattice-svcs:Invoke\"")
      return
    }
    guard parts[0].lowercased() == "vpc-lattice-svcs" else {
      context.warning(
        "model.lattice-policy-action",
        "action '\(text)' never matches a request to a Lattice service",
        at: node,
        hint:
          "requests are vpc-lattice-svcs:Invoke (HTTP) or vpc-lattice-svcs:Connect (TLS passthrough)"
      )
      return
    }
    let name = String(parts[1])
    if name.contains("*") || name.contains("?") { return }
    if !Self.latticeActions.contains(where: { $0.lowercased() == name.lowercased() }) {
      var notes: [Diagnostic.Note] = []
      if let suggestion = Suggestions.closest(to: name, in: Self.latticeActions) {
        notes.append(.init(message: "did you mean 'vpc-lattice-svcs:\(suggestion)'?"))
      }
      context.error("schema.invalid-value", "unknown action '\(text)'", at: node, notes: notes)
    }
  }

  /// Reads `Key` or `NotKey` (exactly one), each a string or a list of strings.
  func elementList(_ r: ObjectReader, _ key: String, negated: String, required: Bool)
    -> (values: [(String, JSONNode)], negated: Bool)
  {
    let positive = r.node(key)
    let negative = r.node(negated)
    switch (positive, negative) {
    case (let node?, nil): return (stringList(node, what: "'\(key)'", context: r.context), false)
    case (nil, let node?): return (stringList(node, what: "'\(negated)'", context: r.context), true)
    case (.some, .some):
      r.context.error(
        .schemaInvalidValue, "a statement has '\(key)' or '\(negated)', not both", at: r.node)
    case (nil, nil):
      if required {
        r.context.error(
          .schemaMissingKey, "missing required key '\(key)' in policy statement", at: r.node)
      }
    }
    return ([], false)
  }

  /// A string or an array of strings, each with its node.
  func stringList(_ node: JSONNode, what: String, context: DecodingContext) -> [(String, JSONNode)]
  {
    if let single = node.stringValue { return [(single, node)] }
    guard let elements = context.array(node, what: what) else { return [] }
    return elements.compactMap { element in
      context.string(element, what: "element of \(what)").map { ($0, element) }
    }
  }

  /// `{"StringEquals": {"aws:PrincipalAccount": ["111111111111"]}, …}`.
  func conditions(_ block: ObjectReader) -> [LatticePolicyCondition] {
    let context = block.context
    var result: [LatticePolicyCondition] = []
    for member in block.node.objectMembers {
      _ = block.node(member.key)
      guard let operatorBlock = context.object(member.value, what: "condition '\(member.key)'")
      else { continue }
      defer { operatorBlock.finish() }
      if member.key.contains(":") {
        context.diagnostics.error(
          "model.unsupported", "set operators such as '\(member.key)' are not supported",
          at: member.keyLocation, path: member.value.path.description,
          hint: "Lattice condition keys are single-valued: drop 'ForAnyValue:'/'ForAllValues:'")
        for key in operatorBlock.node.objectMembers { _ = operatorBlock.node(key.key) }
        continue
      }
      let ifExists = member.key.hasSuffix("IfExists") && member.key != "IfExists"
      let name = ifExists ? String(member.key.dropLast("IfExists".count)) : member.key
      guard let op = LatticePolicyCondition.Operator(rawValue: name) else {
        var notes: [Diagnostic.Note] = []
        if let suggestion = Suggestions.closest(
          to: name, in: LatticePolicyCondition.Operator.allCases.map(\.rawValue))
        {
          notes.append(.init(message: "did you mean '\(suggestion)'?"))
        }
        context.diagnostics.error(
          "schema.invalid-value", "unknown condition operator '\(member.key)'",
          at: member.keyLocation,
          path: member.value.path.description, notes: notes)
        for key in operatorBlock.node.objectMembers { _ = operatorBlock.node(key.key) }
        continue
      }
      for entry in operatorBlock.node.objectMembers {
        _ = operatorBlock.node(entry.key)
        guard let key = LatticeConditionKey.parse(entry.key) else {
          var notes: [Diagnostic.Note] = []
          if let suggestion = Self.closestConditionKey(entry.key) {
            notes.append(.init(message: "did you mean '\(suggestion)'?"))
          }
          context.diagnostics.error(
            "schema.invalid-value", "unknown or unmodelled condition key '\(entry.key)'",
            at: entry.keyLocation, path: entry.value.path.description, notes: notes,
            hint: notes.isEmpty
              ? "keys: \(LatticeConditionKey.knownNames.joined(separator: ", "))" : nil)
          continue
        }
        let values = conditionValues(entry.value, context: context)
        if values.isEmpty {
          context.invalid(entry.value, "condition '\(member.key)' on '\(entry.key)' lists no value")
        }
        result.append(
          LatticePolicyCondition(
            conditionOperator: op, ifExists: ifExists, key: key, values: values,
            source: SourceRef(entry.value)))
      }
    }
    return result
  }

  /// The known key closest to `key`, by the whole name or by the part after the prefix
  /// (`aws:SourceVpce` → `vpc-lattice-svcs:SourceVpc`).
  static func closestConditionKey(_ key: String) -> String? {
    let names = LatticeConditionKey.knownNames
    if let whole = Suggestions.closest(to: key, in: names) { return whole }
    func local(_ name: String) -> String {
      String(name.split(separator: ":").last ?? Substring(name))
    }
    let locals = names.map(local)
    guard let match = Suggestions.closest(to: local(key), in: locals),
      let index = locals.firstIndex(of: match)
    else { return nil }
    return names[index]
  }

  /// Condition values: strings, numbers or Booleans, alone or in a list, as text.
  func conditionValues(_ node: JSONNode, context: DecodingContext) -> [String] {
    func text(_ node: JSONNode) -> String? {
      switch node.value {
      case .string(let value): return value
      case .number(let number): return number.text
      case .bool(let value): return value ? "true" : "false"
      default:
        context.reportTypeMismatch(
          expected: "string, number or boolean", for: "a condition value", found: node)
        return nil
      }
    }
    if let elements = node.arrayValue { return elements.compactMap(text) }
    return text(node).map { [$0] } ?? []
  }
}
