import Diagnostics
import ScenarioFormat

/// Rule and default actions: exactly one terminal action (forward, fixed-response, redirect),
/// last in `Order`, with the limits `CreateRule` / `CreateListener` enforce.
extension LoadBalancingBuilder {
  static let fixedResponseContentTypes = [
    "text/plain", "text/css", "text/html", "application/javascript", "application/json",
  ]

  func terminalAction(
    _ specs: [ELBActionSpec], protocol listenerProtocol: ELBProtocol, balancer: Int,
    at source: SourceRef
  ) -> LoadBalancerAction? {
    let lb = result.loadBalancers[balancer]
    for spec in specs {
      if case .unsupported(let type) = spec.kind {
        error(
          "model.unsupported", "'\(type.rawValue)' actions are not modelled",
          at: field(spec.source, "Type"),
          hint: "MeshSim models forward, fixed-response and redirect actions")
        return nil
      }
    }
    guard specs.count == 1, let spec = specs.first else {
      error(
        "model.invalid-actions",
        specs.isEmpty
          ? "no action given"
          : "\(specs.count) terminal actions given; exactly one "
            + "forward, fixed-response or redirect action ends a rule", at: source)
      return nil
    }
    switch spec.kind {
    case .forward(let forward):
      return forwardAction(
        forward, listenerProtocol: listenerProtocol, balancer: balancer, at: spec.source
      )
      .map { .forward($0) }
    case .fixedResponse(let fixed):
      guard lb.kind == .application else { break }
      return fixedResponseAction(fixed, at: field(spec.source, "FixedResponseConfig")).map {
        .fixedResponse($0)
      }
    case .redirect(let redirect):
      guard lb.kind == .application else { break }
      return redirectAction(
        redirect, listenerProtocol: listenerProtocol, at: field(spec.source, "RedirectConfig")
      )
      .map { .redirect($0) }
    case .unsupported:
      return nil
    }
    error(
      "model.invalid-actions", "\(lb.label) listeners only forward to a target group",
      at: field(spec.source, "Type"))
    return nil
  }

  func forwardAction(
    _ spec: ELBActionSpec.Forward, listenerProtocol: ELBProtocol, balancer: Int,
    at source: SourceRef
  ) -> ForwardAction? {
    let lb = result.loadBalancers[balancer]
    guard let entries = forwardEntries(spec, at: source) else { return nil }
    guard (1...5).contains(entries.count) else {
      error(
        "model.invalid-actions",
        "a forward action takes 1 to 5 target groups, not \(entries.count)",
        at: field(source, "ForwardConfig"))
      return nil
    }
    if lb.kind == .network && entries.count > 1 {
      error(
        "model.invalid-actions", "\(lb.label) forward actions take one target group",
        at: field(source, "ForwardConfig"))
      return nil
    }
    var groups: [ForwardAction.WeightedTargetGroup] = []
    for entry in entries {
      guard let group = resolveTargetGroup(entry.reference, at: entry.at) else { return nil }
      let targetGroup = result.targetGroups[group]
      if groups.contains(where: { $0.targetGroup == group }) {
        error(
          "model.invalid-actions",
          "target group '\(targetGroup.name)' appears twice in one forward action", at: entry.at)
        return nil
      }
      guard Self.listener(listenerProtocol, canForwardTo: targetGroup.protocol) else {
        error(
          "model.incompatible-target-group",
          "a \(listenerProtocol.rawValue) listener cannot forward to \(targetGroup.protocol.rawValue) target group '\(targetGroup.name)'",
          at: entry.at)
        return nil
      }
      groups.append(.init(targetGroup: group, weight: entry.weight))
    }
    if groups.allSatisfy({ $0.weight == 0 }) {
      warning(
        "model.weights-sum-zero",
        "every target group of this forward action has weight 0; no request can be forwarded",
        at: field(source, "ForwardConfig"))
    }
    var stickiness: Int?
    if spec.stickinessEnabled {
      stickiness = spec.stickinessDurationSeconds ?? 3600
      warning(
        "model.not-modelled",
        "target-group stickiness is not modelled: each request picks a target group by weight",
        at: field(source, "ForwardConfig"))
    }
    return ForwardAction(targetGroups: groups, stickinessSeconds: stickiness)
  }

  /// The `(target group, weight, source)` entries of a forward action: `ForwardConfig`'s, or the
  /// single `TargetGroupArn` (weight 1); nil when both are given and disagree (reported).
  func forwardEntries(
    _ spec: ELBActionSpec.Forward, at source: SourceRef
  ) -> [(reference: String, weight: Int, at: SourceRef)]? {
    let config = field(source, "ForwardConfig")
    let entries = spec.targetGroups.enumerated().map { offset, entry in
      (
        reference: entry.targetGroup, weight: entry.weight ?? 1,
        at: field(field(config, "TargetGroups", index: offset), "TargetGroupArn")
      )
    }
    guard let single = spec.targetGroupArn else { return entries }
    if entries.isEmpty { return [(single, 1, field(source, "TargetGroupArn"))] }
    if entries.count != 1 || entries[0].reference != single {
      error(
        "model.invalid-actions",
        "with both 'TargetGroupArn' and 'ForwardConfig', ForwardConfig must hold exactly that one "
          + "target group", at: field(source, "TargetGroupArn"))
      return nil
    }
    return entries
  }

  /// TLS listeners may forward to TCP groups; TCP_UDP groups serve TCP and UDP listeners.
  static func listener(_ listener: ELBProtocol, canForwardTo group: ELBProtocol) -> Bool {
    switch listener {
    case .http, .https: return group.isApplication
    case .tcp: return group == .tcp || group == .tcpUDP
    case .tls: return group == .tcp || group == .tls
    case .udp: return group == .udp || group == .tcpUDP
    case .tcpUDP: return group == .tcpUDP
    case .geneve: return false
    }
  }

  func fixedResponseAction(_ spec: ELBActionSpec.FixedResponse, at source: SourceRef)
    -> FixedResponseAction?
  {
    let code = spec.statusCode
    guard code.count == 3, let status = Int(code), code.allSatisfy(\.isNumber),
      [2, 4, 5].contains(status / 100)
    else {
      error(
        "model.invalid-fixed-response", "invalid fixed-response status code '\(code)'",
        at: field(source, "StatusCode"),
        hint: "a 2XX, 4XX or 5XX code such as \"404\"")
      return nil
    }
    if let type = spec.contentType, !Self.fixedResponseContentTypes.contains(type) {
      error(
        "model.invalid-fixed-response", "invalid content type '\(type)'",
        at: field(source, "ContentType"),
        hint: "one of \(Self.fixedResponseContentTypes.joined(separator: ", "))")
      return nil
    }
    let body = spec.messageBody ?? ""
    if body.utf8.count > 1024 {
      error(
        "model.invalid-fixed-response", "a fixed-response body holds at most 1024 bytes",
        at: field(source, "MessageBody"))
      return nil
    }
    return FixedResponseAction(statusCode: status, contentType: spec.contentType, messageBody: body)
  }

  func redirectAction(
    _ spec: ELBActionSpec.Redirect, listenerProtocol: ELBProtocol, at source: SourceRef
  ) -> RedirectAction? {
    guard let status = ["HTTP_301": 301, "HTTP_302": 302][spec.statusCode] else {
      error(
        "model.invalid-redirect", "invalid redirect status code '\(spec.statusCode)'",
        at: field(source, "StatusCode"), hint: "HTTP_301 or HTTP_302")
      return nil
    }
    var action = RedirectAction(statusCode: status)
    var problems: [FieldProblem] = []
    func invalid(_ key: String, _ message: String, hint: String? = nil) {
      problems.append(FieldProblem(key: key, message: message, hint: hint))
    }
    if let value = spec.protocol {
      if ["HTTP", "HTTPS", "#{protocol}"].contains(value) {
        action.protocol = value
      } else {
        invalid(
          "Protocol", "invalid redirect protocol '\(value)'", hint: "HTTP, HTTPS or #{protocol}")
      }
      if value == "HTTP" && listenerProtocol == .https {
        invalid("Protocol", "an HTTPS listener cannot redirect to HTTP")
      }
    }
    if let value = spec.port {
      if value == "#{port}" || Int(value).map({ (1...65535).contains($0) }) == true {
        action.port = value
      } else {
        invalid(
          "Port", "invalid redirect port '\(value)'", hint: "a port from 1 to 65535, or #{port}")
      }
    }
    if let value = spec.host {
      if (1...128).contains(value.count) {
        action.host = value
      } else {
        invalid("Host", "a redirect host has 1 to 128 characters")
      }
    }
    if let value = spec.path {
      if value.hasPrefix("/") && value.count <= 128 {
        action.path = value
      } else {
        invalid(
          "Path", "invalid redirect path '\(value)'",
          hint: "an absolute path starting with '/', at most 128 characters")
      }
    }
    if let value = spec.query {
      if value.hasPrefix("?") {
        invalid("Query", "write the redirect query without its leading '?'")
      } else {
        action.query = value
      }
    }
    if problems.isEmpty && action.changesNothing {
      error(
        "model.invalid-redirect",
        "the redirect changes none of protocol, host, port and path: a redirect loop", at: source,
        hint: "change at least one of them, e.g. \"Protocol\": \"HTTPS\", \"Port\": \"443\"")
      return nil
    }
    for problem in problems {
      error(
        "model.invalid-redirect", problem.message, at: field(source, problem.key),
        hint: problem.hint)
    }
    return problems.isEmpty ? action : nil
  }
}
