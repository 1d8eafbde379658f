import Diagnostics

/// Listeners, rules, conditions and actions of the `elb` section.
extension ELBSectionDecoder {
  static func listener(_ r: ObjectReader) -> ListenerSpec? {
    r.accept(["MutualAuthentication", "Tags"])
    let arn = r.string("ListenerArn")
    let loadBalancer = r.string("LoadBalancerArn", required: true)
    let proto = r.enumValue("Protocol", ELBProtocol.self, required: true)
    let port = r.int("Port", required: true, range: 1...65535)
    let certificates = self.certificates(r)
    let policy = r.string("SslPolicy")
    let alpn = r.stringArray("AlpnPolicy") ?? []
    let actions = self.actions(r, key: "DefaultActions", required: true)
    let tags = r.ec2Tags()
    guard let loadBalancer, let proto, let port else { return nil }
    return ListenerSpec(
      arn: arn, loadBalancer: loadBalancer, protocol: proto, port: port,
      certificates: certificates ?? [], sslPolicy: policy, alpnPolicy: alpn,
      defaultActions: actions ?? [], tags: tags, source: SourceRef(r.node))
  }

  static func certificates(_ r: ObjectReader) -> [String]? {
    guard r.has("Certificates") else { return nil }
    return r.context.objects(r.array("Certificates"), what: "certificate") { certificate in
      _ = certificate.bool("IsDefault")
      return certificate.string("CertificateArn", required: true)
    }
  }

  static func rule(_ r: ObjectReader) -> ListenerRuleSpec? {
    r.accept(["IsDefault", "Tags"])
    let arn = r.string("RuleArn")
    let listener = r.string("ListenerArn", required: true)
    let priority = self.priority(r)
    let conditions = self.conditions(r, required: true)
    let actions = self.actions(r, key: "Actions", required: true)
    if r.has("Transforms") {
      r.context.error(
        "schema.unsupported", "rule 'Transforms' (host-header and URL rewrites) are not modelled",
        at: r.node("Transforms") ?? r.node)
    }
    let tags = r.ec2Tags()
    guard let listener, let priority else { return nil }
    return ListenerRuleSpec(
      arn: arn, listener: listener, priority: priority, conditions: conditions ?? [],
      actions: actions ?? [], tags: tags, source: SourceRef(r.node))
  }

  /// `Priority`: 1–50000, an integer, or a numeric string as `describe-rules` prints it.
  static func priority(_ r: ObjectReader) -> Int? {
    guard let text = stringOrInteger(r, "Priority") else {
      if !r.has("Priority") {
        r.context.error(
          .schemaMissingKey, "missing required key 'Priority' in \(r.what)", at: r.node)
      }
      return nil
    }
    guard let node = r.node("Priority") else { return nil }
    if text == "default" {
      r.context.error(
        .schemaInvalidValue, "the default rule is the listener's 'DefaultActions', not a rule",
        at: node, hint: "move its actions to the listener's DefaultActions")
      return nil
    }
    guard let value = Int(text), (1...50000).contains(value) else {
      r.context.error(
        .schemaValueOutOfRange, "rule priority '\(text)' is out of range 1...50000", at: node)
      return nil
    }
    return value
  }

  static func conditions(_ r: ObjectReader, required: Bool) -> [RuleConditionSpec]? {
    guard let nodes = r.array("Conditions", required: required) else { return nil }
    return r.context.objects(nodes, what: "rule condition") { condition($0) }
  }

  static let configKeys: [(key: String, field: RuleConditionSpec.Field)] = [
    ("HostHeaderConfig", .hostHeader), ("PathPatternConfig", .pathPattern),
    ("HttpHeaderConfig", .httpHeader), ("HttpRequestMethodConfig", .httpRequestMethod),
    ("QueryStringConfig", .queryString), ("SourceIpConfig", .sourceIP),
  ]

  static func condition(_ r: ObjectReader) -> RuleConditionSpec? {
    let field = r.enumValue("Field", RuleConditionSpec.Field.self, required: true)
    let legacy = r.stringArray("Values")
    let topRegex = r.stringArray("RegexValues")
    var spec = field.map { RuleConditionSpec(field: $0, source: SourceRef(r.node)) }
    for (key, configField) in configKeys {
      guard let config = r.object(key, what: key) else { continue }
      defer { config.finish() }
      guard let field else { continue }
      guard configField == field else {
        r.context.error(
          .schemaInvalidValue, "'\(key)' does not belong to a '\(field.rawValue)' condition",
          at: config.node, hint: "a '\(field.rawValue)' condition takes '\(configKey(of: field))'")
        continue
      }
      switch field {
      case .httpHeader:
        spec?.headerName = config.string("HttpHeaderName", required: true)
        spec?.values += config.stringArray("Values") ?? []
      case .queryString:
        spec?.queryValues += r.context.objects(
          config.array("Values", required: true), what: "key/value pair"
        ) {
          pair -> RuleConditionSpec.QueryValue? in
          let key = pair.string("Key")
          return pair.string("Value", required: true).map { .init(key: key, value: $0) }
        }
      default:
        spec?.values += config.stringArray("Values") ?? []
      }
      if field == .hostHeader || field == .pathPattern || field == .httpHeader {
        spec?.regexValues += config.stringArray("RegexValues") ?? []
      }
    }
    guard var result = spec else { return nil }
    if let legacy {
      if result.field == .hostHeader || result.field == .pathPattern {
        if !result.values.isEmpty, let node = r.node("Values") {
          r.context.error(
            .schemaInvalidValue,
            "give the values either in 'Values' or in '\(configKey(of: result.field))', not both",
            at: node)
        }
        result.values = legacy + result.values
      } else if let node = r.node("Values") {
        r.context.error(
          .schemaInvalidValue, "'Values' applies only to host-header and path-pattern conditions",
          at: node, hint: "use '\(configKey(of: result.field))'")
      }
    }
    result.regexValues += topRegex ?? []
    if result.values.isEmpty && result.regexValues.isEmpty && result.queryValues.isEmpty {
      r.context.error(
        .schemaMissingKey, "'\(result.field.rawValue)' condition has no values", at: r.node,
        hint: "write them in '\(configKey(of: result.field))': {\"Values\": [...]}")
      return nil
    }
    return result
  }

  static func configKey(of field: RuleConditionSpec.Field) -> String {
    configKeys.first { $0.field == field }?.key ?? ""
  }

  static func actions(_ r: ObjectReader, key: String, required: Bool) -> [ELBActionSpec]? {
    guard let nodes = r.array(key, required: required) else { return nil }
    return r.context.objects(nodes, what: "action") { action($0) }
  }

  static func action(_ r: ObjectReader) -> ELBActionSpec? {
    let type = r.enumValue("Type", ELBActionSpec.ActionType.self, required: true)
    let order = r.int("Order", range: 1...50000)
    let targetGroupArn = r.string("TargetGroupArn")
    var forward: ELBActionSpec.Forward?
    if let config = r.object("ForwardConfig", what: "ForwardConfig") {
      forward = forwardConfig(config, targetGroupArn: targetGroupArn)
      config.finish()
    }
    let fixed = r.object("FixedResponseConfig", what: "FixedResponseConfig").flatMap { config in
      defer { config.finish() }
      return fixedResponseConfig(config)
    }
    let redirect = r.object("RedirectConfig", what: "RedirectConfig").flatMap { config in
      defer { config.finish() }
      return redirectConfig(config)
    }
    for key in ["AuthenticateOidcConfig", "AuthenticateCognitoConfig", "JwtValidationConfig"] {
      _ = r.node(key)
    }
    guard let type else { return nil }
    let present = [
      ("TargetGroupArn", ELBActionSpec.ActionType.forward, targetGroupArn != nil),
      ("ForwardConfig", .forward, forward != nil),
      ("FixedResponseConfig", .fixedResponse, fixed != nil),
      ("RedirectConfig", .redirect, redirect != nil),
    ]
    reportMisplacedConfigs(r, type: type, present: present)
    let kind: ELBActionSpec.Kind?
    switch type {
    case .forward:
      kind =
        (forward
        ?? targetGroupArn.map {
          .init(
            targetGroupArn: $0, targetGroups: [], stickinessEnabled: false,
            stickinessDurationSeconds: nil)
        }).map { .forward($0) }
      if kind == nil {
        r.context.error(
          .schemaMissingKey, "forward action needs 'TargetGroupArn' or 'ForwardConfig'", at: r.node)
      }
    case .fixedResponse:
      kind = fixed.map { .fixedResponse($0) }
      if kind == nil && !r.has("FixedResponseConfig") {
        r.context.error(
          .schemaMissingKey, "fixed-response action needs 'FixedResponseConfig'", at: r.node)
      }
    case .redirect:
      kind = redirect.map { .redirect($0) }
      if kind == nil && !r.has("RedirectConfig") {
        r.context.error(.schemaMissingKey, "redirect action needs 'RedirectConfig'", at: r.node)
      }
    case .authenticateOIDC, .authenticateCognito, .jwtValidation:
      kind = .unsupported(type)
    }
    guard let kind else { return nil }
    return ELBActionSpec(order: order, kind: kind, source: SourceRef(r.node))
  }

  static func fixedResponseConfig(_ config: ObjectReader) -> ELBActionSpec.FixedResponse? {
    let status = config.string("StatusCode", required: true)
    let contentType = config.string("ContentType")
    let body = config.string("MessageBody")
    return status.map { .init(statusCode: $0, contentType: contentType, messageBody: body) }
  }

  static func redirectConfig(_ config: ObjectReader) -> ELBActionSpec.Redirect? {
    let status = config.string("StatusCode", required: true)
    let proto = config.string("Protocol")
    let port = stringOrInteger(config, "Port")
    let host = config.string("Host")
    let path = config.string("Path")
    let query = config.string("Query")
    return status.map {
      .init(protocol: proto, port: port, host: host, path: path, query: query, statusCode: $0)
    }
  }

  /// Reports a `…Config` (or `TargetGroupArn`) given to an action of another type.
  static func reportMisplacedConfigs(
    _ r: ObjectReader, type: ELBActionSpec.ActionType,
    present: [(key: String, type: ELBActionSpec.ActionType, given: Bool)]
  ) {
    for entry in present where entry.given && entry.type != type {
      if let node = r.node(entry.key) {
        r.context.error(
          .schemaInvalidValue, "'\(entry.key)' does not belong to a '\(type.rawValue)' action",
          at: node)
      }
    }
  }

  static func forwardConfig(_ r: ObjectReader, targetGroupArn: String?) -> ELBActionSpec.Forward {
    let groups = r.context.objects(r.array("TargetGroups"), what: "target group tuple") {
      tuple -> ELBActionSpec.WeightedTargetGroup? in
      let arn = tuple.string("TargetGroupArn", required: true)
      let weight = tuple.int("Weight", range: 0...999)
      return arn.map { .init(targetGroup: $0, weight: weight, source: SourceRef(tuple.node)) }
    }
    var enabled = false
    var duration: Int?
    if let stickiness = r.object("TargetGroupStickinessConfig", what: "TargetGroupStickinessConfig")
    {
      enabled = stickiness.bool("Enabled") ?? false
      duration = stickiness.int("DurationSeconds", range: 1...604_800)
      stickiness.finish()
    }
    return ELBActionSpec.Forward(
      targetGroupArn: targetGroupArn, targetGroups: groups, stickinessEnabled: enabled,
      stickinessDurationSeconds: duration)
  }
}
