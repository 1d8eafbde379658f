import Diagnostics
import ScenarioFormat
import SimKernel

/// Target groups: type, protocol, port, VPC, health check defaults and registered targets.
extension LatticeSectionBuilder {
  func buildTargetGroup(_ spec: LatticeTargetGroupSpec) {
    checkName(
      spec.name, kind: "target group", length: 3...128, reservedPrefix: nil,
      at: builder.field(spec.source, "name"))
    guard
      let type = enumValue(
        spec.type, LatticeTargetGroup.TargetType.self, key: "type",
        at: builder.field(spec.source, "type"))
    else { return }
    if type == .lambda {
      builder.error(
        "model.unsupported", "LAMBDA target groups are not modelled",
        at: builder.field(spec.source, "type"),
        hint: "model the function as an external endpoint behind an IP target group")
      return
    }
    guard let config = spec.config else {
      builder.error(
        "schema.missing-key", "\(type.rawValue) target group '\(spec.name)' needs 'config'",
        at: spec.source)
      return
    }
    let configSource = config.source
    guard let (targetProtocol, port, version) = protocolSettings(config, type: type) else { return }
    guard let vpcName = config.vpc else {
      builder.error(
        "schema.missing-key", "target group config needs 'vpcIdentifier'", at: configSource)
      return
    }
    guard
      let vpc = builder.vpcTable.resolve(
        vpcName, at: builder.field(configSource, "vpcIdentifier"), diagnostics: builder.diagnostics)
    else { return }
    let check = healthCheck(
      config.healthCheck, type: type, targetProtocol: targetProtocol, version: version)
    let id = spec.id ?? LatticeIdentifiers.id("tg", "target-group/\(spec.name)")
    let arn = spec.arn ?? LatticeIdentifiers.arn(document, "targetgroup/\(id)")
    let targets = spec.targets.enumerated().compactMap { offset, target in
      self.target(
        target, type: type, vpc: vpc, defaultPort: port,
        at: builder.field(spec.source, "targets", index: offset))
    }
    for (offset, target) in targets.enumerated()
    where targets[..<offset].contains(where: { $0.kind == target.kind && $0.port == target.port }) {
      builder.error(
        "model.duplicate-target",
        "target \(describe(target.kind)):\(target.port) is registered twice", at: target.source)
    }
    if !targetGroupTable.declare(
      spec.name, aliases: [id, arn], index: lattice.targetGroups.count, source: spec.source)
    {
      builder.duplicate("Lattice target group", spec.name, at: spec.source, table: targetGroupTable)
      return
    }
    lattice.targetGroups.append(
      LatticeTargetGroup(
        name: spec.name, id: id, arn: arn, type: type, targetProtocol: targetProtocol,
        protocolVersion: version, port: port,
        vpc: vpc, healthCheck: check, targets: targets, source: spec.source))
  }

  /// The config's protocol, port (80 or 443 by default) and protocol version, checked against the
  /// target type; nil when the protocol is missing or invalid (reported).
  func protocolSettings(
    _ config: LatticeTargetGroupConfigSpec, type: LatticeTargetGroup.TargetType
  ) -> (LatticeTargetGroup.TargetProtocol, port: Int, version: String)? {
    let configSource = config.source
    guard let protocolName = config.protocolName else {
      builder.error(
        "schema.missing-key", "target group config needs 'protocol' (HTTP, HTTPS or TCP)",
        at: configSource)
      return nil
    }
    guard
      let targetProtocol = enumValue(
        protocolName, LatticeTargetGroup.TargetProtocol.self, key: "protocol",
        at: builder.field(configSource, "protocol"))
    else { return nil }
    if type == .alb && targetProtocol == .tcp {
      builder.error(
        "model.invalid-target-group", "an ALB target group uses HTTP or HTTPS",
        at: builder.field(configSource, "protocol"))
    }
    if targetProtocol == .tcp && config.port == nil {
      builder.error("schema.missing-key", "a TCP target group needs 'port'", at: configSource)
    }
    let port = config.port ?? (targetProtocol == .https ? 443 : 80)
    let version = config.protocolVersion ?? "HTTP1"
    if !["HTTP1", "HTTP2", "GRPC"].contains(version) {
      builder.error(
        "schema.invalid-value",
        "invalid value '\(version)' for 'protocolVersion'; expected one of HTTP1, HTTP2, GRPC",
        at: builder.field(configSource, "protocolVersion"))
    }
    if let addressType = config.ipAddressType, addressType != "IPV4" {
      builder.error(
        "model.unsupported",
        "ipAddressType '\(addressType)' is not modelled (MeshSim simulates IPv4 only)",
        at: builder.field(configSource, "ipAddressType"), hint: "use IPV4 (the default)")
    }
    return (targetProtocol, port, version)
  }

  func target(
    _ spec: LatticeTargetSpec, type: LatticeTargetGroup.TargetType, vpc: Int, defaultPort: Int,
    at source: SourceRef
  ) -> LatticeTarget? {
    let port = spec.port ?? defaultPort
    switch type {
    case .ip:
      guard let address = IPv4Address(spec.id) else {
        builder.error(
          "model.invalid-address", "IP target '\(spec.id)' is not an IPv4 address",
          at: builder.field(source, "id"))
        return nil
      }
      if !builder.model.vpcs[vpc].cidr.contains(address) {
        builder.error(
          "model.address-outside-vpc",
          "IP target \(address) is outside the target group's VPC '\(builder.model.vpcs[vpc].name)' (\(builder.model.vpcs[vpc].cidr))",
          at: builder.field(source, "id"))
        return nil
      }
      return LatticeTarget(kind: .address(address), port: port, source: source)
    case .instance:
      guard
        let endpoint = builder.externalTable.resolve(
          spec.id, at: builder.field(source, "id"), diagnostics: builder.diagnostics,
          context: "an INSTANCE target (instances are external endpoints in a subnet)")
      else { return nil }
      let subnet = builder.model.externals[endpoint].subnet
      if subnet.map({ builder.model.subnets[$0].vpc }) != vpc {
        builder.error(
          "model.target-in-other-vpc",
          "instance '\(spec.id)' is not in a subnet of the target group's VPC '\(builder.model.vpcs[vpc].name)'",
          at: builder.field(source, "id"), hint: "give the external endpoint a 'subnet' in that VPC"
        )
        return nil
      }
      return LatticeTarget(kind: .instance(endpoint), port: port, source: source)
    case .alb:
      return LatticeTarget(kind: .loadBalancer(spec.id.lowercased()), port: port, source: source)
    case .lambda:
      return nil
    }
  }

  func describe(_ kind: LatticeTarget.Kind) -> String {
    switch kind {
    case .address(let address): address.description
    case .instance(let endpoint): builder.model.externals[endpoint].name
    case .loadBalancer(let name): name
    }
  }

  /// Applies Lattice's health-check defaults (aws-behaviour §3.6, C13 matcher 200).
  func healthCheck(
    _ spec: LatticeHealthCheckSpec?, type: LatticeTargetGroup.TargetType,
    targetProtocol: LatticeTargetGroup.TargetProtocol, version: String
  ) -> LatticeHealthCheck {
    let enabledByDefault = type != .alb && targetProtocol != .tcp && version == "HTTP1"
    guard let spec else {
      return LatticeHealthCheck(
        enabled: enabledByDefault, checkProtocol: targetProtocol == .tcp ? "TCP" : "HTTP")
    }
    if type == .alb && spec.enabled == true {
      builder.error(
        "model.unsupported",
        "ALB target groups do not support health checks (the ALB checks its own targets)",
        at: builder.field(spec.source, "enabled"))
    }
    let checkProtocol = spec.protocolName ?? (targetProtocol == .tcp ? "TCP" : "HTTP")
    if !["HTTP", "HTTPS", "TCP"].contains(checkProtocol) {
      builder.error(
        "schema.invalid-value",
        "invalid value '\(checkProtocol)' for 'protocol'; expected one of HTTP, HTTPS, TCP",
        at: builder.field(spec.source, "protocol"))
    }
    var matcher = StatusCodeMatcher(ranges: [200...200])
    if let text = spec.httpCode {
      if let parsed = StatusCodeMatcher(text), parsed.isWithin(100...599) {
        matcher = parsed
      } else {
        builder.error(
          "schema.invalid-value", "invalid matcher '\(text)'",
          at: builder.field(builder.field(spec.source, "matcher"), "httpCode"),
          hint: "write codes and ranges such as \"200\", \"200-299\" or \"200,204\"")
      }
    }
    if let path = spec.path, !path.hasPrefix("/") {
      builder.error(
        "schema.invalid-value", "health check path '\(path)' must start with '/'",
        at: builder.field(spec.source, "path"))
    }
    return LatticeHealthCheck(
      enabled: type == .alb ? false : (spec.enabled ?? enabledByDefault),
      checkProtocol: checkProtocol,
      port: spec.port.flatMap { $0 == 0 ? nil : $0 }, path: spec.path ?? "/",
      interval: .seconds(Int64(spec.intervalSeconds ?? 30)),
      timeout: .seconds(Int64(spec.timeoutSeconds ?? 5)),
      healthyThreshold: spec.healthyThreshold ?? 5,
      unhealthyThreshold: spec.unhealthyThreshold ?? 2, matcher: matcher)
  }
}
