import Diagnostics

/// Target groups, their health checks and targets.
extension LatticeSectionDecoder {
  static func targetGroup(_ r: ObjectReader) -> LatticeTargetGroupSpec? {
    r.accept(describeOnlyKeys + ["serviceArns"])
    let name = r.string("name", required: true)
    let type = r.string("type", required: true)
    let config = r.object("config", what: "target group config").map {
      reader -> LatticeTargetGroupConfigSpec in
      defer { reader.finish() }
      return targetGroupConfig(reader)
    }
    let targets = r.context.objects(r.array("targets"), what: "target") {
      target -> LatticeTargetSpec? in
      let id = target.string("id", required: true)
      let port = target.int("port", range: 1...65535)
      guard let id else { return nil }
      return LatticeTargetSpec(id: id, port: port, source: SourceRef(target.node))
    }
    let id = r.string("id")
    let arn = r.string("arn")
    guard let name, let type else { return nil }
    return LatticeTargetGroupSpec(
      name: name, type: type, config: config, targets: targets, id: id, arn: arn,
      source: SourceRef(r.node))
  }

  static func targetGroupConfig(_ r: ObjectReader) -> LatticeTargetGroupConfigSpec {
    r.accept(["lambdaEventStructureVersion"])
    let port = r.int("port", range: 1...65535)
    let protocolName = r.string("protocol")
    let version = r.string("protocolVersion")
    let addressType = r.string("ipAddressType")
    let vpc = r.string("vpcIdentifier")
    let check = r.object("healthCheck", what: "healthCheck").map {
      reader -> LatticeHealthCheckSpec in
      defer { reader.finish() }
      return healthCheck(reader)
    }
    return LatticeTargetGroupConfigSpec(
      port: port, protocolName: protocolName, protocolVersion: version, ipAddressType: addressType,
      vpc: vpc,
      healthCheck: check, source: SourceRef(r.node))
  }

  static func healthCheck(_ r: ObjectReader) -> LatticeHealthCheckSpec {
    var spec = LatticeHealthCheckSpec(source: SourceRef(r.node))
    spec.enabled = r.bool("enabled")
    spec.protocolName = r.string("protocol")
    spec.protocolVersion = r.string("protocolVersion")
    spec.port = r.int("port", range: 0...65535)
    spec.path = r.string("path")
    spec.intervalSeconds = r.int("healthCheckIntervalSeconds", range: 5...300)
    spec.timeoutSeconds = r.int("healthCheckTimeoutSeconds", range: 1...120)
    spec.healthyThreshold = r.int("healthyThresholdCount", range: 2...10)
    spec.unhealthyThreshold = r.int("unhealthyThresholdCount", range: 2...10)
    if let matcher = r.object("matcher", what: "health check matcher") {
      spec.httpCode = matcher.string("httpCode", required: true)
      matcher.finish()
    }
    return spec
  }
}
