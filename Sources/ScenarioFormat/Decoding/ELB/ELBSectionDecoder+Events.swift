import Diagnostics

/// The `elb` API calls a scenario can make as timed events.
extension ELBSectionDecoder {
  static func event(_ operation: String, _ body: ObjectReader) -> ELBCallSpec? {
    let source = SourceRef(body.node)
    switch operation {
    case "modifyListener":
      body.accept(["SslPolicy", "AlpnPolicy", "MutualAuthentication"])
      let listener = body.string("ListenerArn", required: true)
      let proto = body.enumValue("Protocol", ELBProtocol.self)
      let port = body.int("Port", range: 1...65535)
      let certificates = self.certificates(body)
      let actions = self.actions(body, key: "DefaultActions", required: false)
      return listener.map {
        .modifyListener(
          .init(
            listener: $0, protocol: proto, port: port, certificates: certificates,
            defaultActions: actions, source: source))
      }
    case "modifyRule":
      body.accept(["ResetTransforms"])
      let rule = body.string("RuleArn", required: true)
      let conditions = self.conditions(body, required: false)
      let actions = self.actions(body, key: "Actions", required: false)
      if body.has("Transforms") {
        body.context.error(
          "schema.unsupported", "rule 'Transforms' (host-header and URL rewrites) are not modelled",
          at: body.node("Transforms") ?? body.node)
      }
      return rule.map {
        .modifyRule(.init(rule: $0, conditions: conditions, actions: actions, source: source))
      }
    case "modifyTargetGroup":
      let group = body.string("TargetGroupArn", required: true)
      let health = healthCheck(body)
      return group.map {
        .modifyTargetGroup(.init(targetGroup: $0, healthCheck: health, source: source))
      }
    case "modifyLoadBalancerAttributes":
      return attributes(body, resourceKey: "LoadBalancerArn").map {
        .modifyLoadBalancerAttributes($0)
      }
    case "modifyTargetGroupAttributes":
      return attributes(body, resourceKey: "TargetGroupArn").map {
        .modifyTargetGroupAttributes($0)
      }
    case "registerTargets", "deregisterTargets":
      let group = body.string("TargetGroupArn", required: true)
      let targets = body.context.objects(body.array("Targets", required: true), what: "target") {
        target -> TargetRegistrationSpec.Target? in
        target.accept(["QuicServerId"])
        let id = target.string("Id", required: true)
        let port = target.int("Port", range: 1...65535)
        let zone = target.string("AvailabilityZone")
        return id.map {
          .init(id: $0, port: port, availabilityZone: zone, source: SourceRef(target.node))
        }
      }
      guard let group else { return nil }
      let spec = TargetRegistrationSpec(targetGroup: group, targets: targets, source: source)
      return operation == "registerTargets" ? .registerTargets(spec) : .deregisterTargets(spec)
    default:
      return nil
    }
  }
}
