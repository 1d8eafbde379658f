import Diagnostics
import ScenarioFormat

/// `ModifyLoadBalancerAttributes` / `ModifyTargetGroupAttributes` keys: the ones that change
/// routing are modelled, the other documented keys are accepted and have no effect.
extension LoadBalancingBuilder {
  static let inertLoadBalancerKeys = [
    "deletion_protection.enabled", "access_logs.s3.enabled", "access_logs.s3.bucket",
    "access_logs.s3.prefix",
    "connection_logs.s3.enabled", "connection_logs.s3.bucket", "connection_logs.s3.prefix",
    "health_check_logs.s3.enabled", "health_check_logs.s3.bucket", "health_check_logs.s3.prefix",
    "routing.http.desync_mitigation_mode", "routing.http.drop_invalid_header_fields.enabled",
    "routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "routing.http2.enabled",
    "waf.fail_open.enabled",
    "client_keep_alive.seconds", "zonal_shift.config.enabled", "dns_record.client_routing_policy",
    "ipv6.deny_all_igw_traffic", "secondary_ips.auto_assigned.per_subnet",
    "routing.http.xff_client_port.enabled",
    "routing.http.preserve_host_header.enabled",
  ]
  static let modelledLoadBalancerKeys = [
    "idle_timeout.timeout_seconds", "load_balancing.cross_zone.enabled",
    "routing.http.xff_header_processing.mode",
  ]
  static let inertTargetGroupKeys = [
    "stickiness.type", "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.cookie_name",
    "stickiness.app_cookie.duration_seconds", "load_balancing.algorithm.anomaly_mitigation",
    "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage",
    "target_group_health.dns_failover.minimum_healthy_targets.count",
    "target_group_health.dns_failover.minimum_healthy_targets.percentage",
    "deregistration_delay.connection_termination.enabled", "proxy_protocol_v2.enabled",
    "lambda.multi_value_headers.enabled", "target_failover.on_deregistration",
    "target_failover.on_unhealthy",
    "target_health_state.unhealthy.draining_interval_seconds",
    "target_health_state.unhealthy.connection_termination.enabled",
  ]
  static let modelledTargetGroupKeys = [
    "deregistration_delay.timeout_seconds", "load_balancing.cross_zone.enabled",
    "preserve_client_ip.enabled",
    "load_balancing.algorithm.type", "slow_start.duration_seconds",
    "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
    "stickiness.enabled",
  ]

  func applyLoadBalancerAttributes(_ spec: ELBAttributesSpec) {
    guard let index = resolveLoadBalancer(spec.resource, at: field(spec.source, "LoadBalancerArn"))
    else { return }
    if let attributes = loadBalancerAttributes(spec, onto: result.loadBalancers[index]) {
      result.loadBalancers[index].attributes = attributes
    }
  }

  func applyTargetGroupAttributes(_ spec: ELBAttributesSpec) {
    guard let index = resolveTargetGroup(spec.resource, at: field(spec.source, "TargetGroupArn"))
    else { return }
    if let attributes = targetGroupAttributes(spec, onto: result.targetGroups[index]) {
      result.targetGroups[index].attributes = attributes
    }
  }

  /// The balancer's attributes with `spec` applied; nil when one is invalid (reported).
  func loadBalancerAttributes(_ spec: ELBAttributesSpec, onto balancer: LoadBalancer)
    -> LoadBalancerAttributes?
  {
    var attributes = balancer.attributes
    var valid = true
    let isALB = balancer.kind == .application
    for attribute in spec.attributes {
      let parser = AttributeValueParser(attribute: attribute, builder: self)
      switch attribute.key {
      case "idle_timeout.timeout_seconds" where isALB:
        if let seconds = parser.integer(1...4000) {
          attributes.idleTimeout = .seconds(Int64(seconds))
        } else {
          valid = false
        }
      case "load_balancing.cross_zone.enabled" where !isALB:
        if let flag = parser.boolean() { attributes.crossZoneEnabled = flag } else { valid = false }
      case "routing.http.xff_header_processing.mode" where isALB:
        if let mode = parser.choice(LoadBalancerAttributes.ForwardedForMode.self) {
          attributes.forwardedForMode = mode
        } else {
          valid = false
        }
      default:
        if Self.inertLoadBalancerKeys.contains(attribute.key) { continue }
        valid = false
        reportUnknownAttribute(
          attribute, known: Self.modelledLoadBalancerKeys + Self.inertLoadBalancerKeys,
          owner: balancer.label)
      }
    }
    return valid ? attributes : nil
  }

  /// The group's attributes with `spec` applied; nil when one is invalid (reported).
  func targetGroupAttributes(_ spec: ELBAttributesSpec, onto group: TargetGroup)
    -> TargetGroupAttributes?
  {
    var attributes = group.attributes
    var valid = true
    for attribute in spec.attributes {
      if let applied = apply(attribute, to: &attributes, of: group) {
        valid = valid && applied
      } else if !Self.inertTargetGroupKeys.contains(attribute.key) {
        valid = false
        reportUnknownAttribute(
          attribute, known: Self.modelledTargetGroupKeys + Self.inertTargetGroupKeys,
          owner: "target group '\(group.name)'")
      }
    }
    return valid ? attributes : nil
  }

  /// Applies one modelled attribute; false when its value is invalid (reported), nil when the
  /// key is not a modelled attribute of this group.
  func apply(
    _ attribute: ELBAttributesSpec.Attribute, to attributes: inout TargetGroupAttributes,
    of group: TargetGroup
  ) -> Bool? {
    let parser = AttributeValueParser(attribute: attribute, builder: self)
    let isNetwork = group.loadBalancerKind == .network
    switch attribute.key {
    case "deregistration_delay.timeout_seconds":
      guard let seconds = parser.integer(0...3600) else { return false }
      attributes.deregistrationDelay = .seconds(Int64(seconds))
    case "load_balancing.cross_zone.enabled":
      guard let value = parser.choice(TargetGroupAttributes.CrossZone.self) else { return false }
      attributes.crossZone = value
    case "preserve_client_ip.enabled" where isNetwork:
      guard let flag = parser.boolean() else { return false }
      if !flag && (group.protocol == .udp || group.protocol == .tcpUDP) {
        error(
          "model.invalid-attribute",
          "client IP preservation cannot be disabled for UDP and TCP_UDP target groups",
          at: attribute.source)
        return false
      }
      attributes.preserveClientIP = flag
    case "load_balancing.algorithm.type" where !isNetwork:
      guard let value = parser.choice(TargetGroupAttributes.Algorithm.self) else { return false }
      attributes.algorithm = value
    case "slow_start.duration_seconds" where !isNetwork:
      guard let seconds = parser.integer(0...900) else { return false }
      if seconds != 0 && seconds < 30 {
        error(
          "model.invalid-attribute", "slow start lasts 30 to 900 seconds (0 turns it off)",
          at: attribute.source)
        return false
      }
      if seconds != 0 {
        warning(
          "model.not-modelled",
          "slow start is not modelled: a target gets its full share as soon as it is healthy",
          at: attribute.source)
      }
    case "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count":
      guard let count = parser.integer(1...5000) else { return false }
      attributes.minimumHealthyTargets = count
    case "stickiness.enabled":
      guard let flag = parser.boolean() else { return false }
      attributes.stickinessEnabled = flag
      if flag {
        warning(
          "model.not-modelled",
          "target-group stickiness is not modelled: each request is balanced on its own",
          at: attribute.source)
      }
    default:
      return nil
    }
    return true
  }

  func reportUnknownAttribute(
    _ attribute: ELBAttributesSpec.Attribute, known: [String], owner: String
  ) {
    var notes: [Diagnostic.Note] = []
    if let candidate = Suggestions.closest(to: attribute.key, in: known) {
      notes.append(.init(message: "did you mean '\(candidate)'?"))
    }
    let applies =
      known.contains(attribute.key) ? " does not apply to \(owner)" : " is not a known attribute"
    error(
      "model.invalid-attribute", "attribute '\(attribute.key)'" + applies,
      at: field(attribute.source, "Key"),
      notes: notes)
  }
}
