import ScenarioFormat

/// Health-check settings: AWS's defaults per load balancer kind, then the fields written.
extension LoadBalancingBuilder {
  /// The settings for `spec` on top of `current` (a `ModifyTargetGroup`) or of the defaults;
  /// nil when a field is invalid (reported).
  func healthCheck(
    _ spec: HealthCheckSpec, base current: HealthCheckSettings?, protocol proto: ELBProtocol,
    version: TargetGroupSpec.ProtocolVersion, targetType: TargetGroupSpec.TargetType
  ) -> HealthCheckSettings? {
    let source = spec.source
    var settings = current ?? .defaults(for: proto, version: version, checkProtocol: spec.protocol)
    var problems: [FieldProblem] = []
    func invalid(_ key: String, _ message: String, hint: String? = nil) {
      problems.append(FieldProblem(key: key, message: message, hint: hint))
    }
    if let check = spec.protocol {
      if proto.isApplication && check == .tcp {
        invalid(
          "HealthCheckProtocol", "an ALB target group checks health over HTTP or HTTPS, not TCP")
      }
      if current != nil && settings.protocol != check {
        settings.path = check == .tcp ? nil : (settings.path ?? "/")
      }
      settings.protocol = check
    }
    if spec.enabled == false {
      invalid(
        "HealthCheckEnabled",
        "health checks cannot be disabled for '\(targetType.rawValue)' targets")
    }
    if let port = spec.port {
      if port == "traffic-port" {
        settings.port = .trafficPort
      } else if let number = Int(port), (1...65535).contains(number) {
        settings.port = .fixed(number)
      } else {
        invalid(
          "HealthCheckPort", "invalid 'HealthCheckPort' '\(port)'",
          hint: "write \"traffic-port\" or a port from 1 to 65535")
      }
    }
    if let path = spec.path {
      if settings.protocol == .tcp {
        invalid("HealthCheckPath", "'HealthCheckPath' applies only to HTTP and HTTPS health checks")
      } else if !path.hasPrefix("/") || path.count > 1024 {
        invalid(
          "HealthCheckPath", "invalid 'HealthCheckPath' '\(path)'",
          hint: "a path starting with '/', at most 1024 characters")
      } else {
        settings.path = path
      }
    }
    if let seconds = spec.intervalSeconds { settings.interval = .seconds(Int64(seconds)) }
    if let seconds = spec.timeoutSeconds { settings.timeout = .seconds(Int64(seconds)) }
    if let count = spec.healthyThresholdCount { settings.healthyThreshold = count }
    if let count = spec.unhealthyThresholdCount { settings.unhealthyThreshold = count }
    if settings.timeout >= settings.interval {
      let key =
        spec.timeoutSeconds != nil ? "HealthCheckTimeoutSeconds" : "HealthCheckIntervalSeconds"
      invalid(
        key,
        "health-check timeout (\(settings.timeout)) must be shorter than the interval (\(settings.interval))"
      )
    }
    matcher(spec, into: &settings, protocol: proto, version: version, problems: &problems)
    for problem in problems {
      error(
        "model.invalid-health-check", problem.message, at: field(source, problem.key),
        hint: problem.hint)
    }
    return problems.isEmpty ? settings : nil
  }

  /// `Matcher.HttpCode` (200–499 for ALB groups, 200–599 for NLB groups) or, for gRPC groups,
  /// `Matcher.GrpcCode` (0–99).
  func matcher(
    _ spec: HealthCheckSpec, into settings: inout HealthCheckSettings, protocol proto: ELBProtocol,
    version: TargetGroupSpec.ProtocolVersion, problems: inout [FieldProblem]
  ) {
    func invalid(_ key: String, _ message: String, hint: String? = nil) {
      problems.append(FieldProblem(key: key, message: message, hint: hint))
    }
    if let code = spec.httpCode {
      let allowed = proto.isApplication ? 200...499 : 200...599
      if version == .grpc {
        invalid("Matcher", "a gRPC target group takes 'Matcher.GrpcCode', not 'HttpCode'")
      } else if let matcher = StatusCodeMatcher(code), matcher.isWithin(allowed) {
        settings.matcher = matcher
      } else {
        invalid(
          "Matcher", "invalid 'Matcher.HttpCode' '\(code)'",
          hint:
            "codes such as \"200\", \"200,202\" or \"200-299\" between \(allowed.lowerBound) and \(allowed.upperBound)"
        )
      }
    }
    if let code = spec.grpcCode {
      if version != .grpc {
        invalid(
          "Matcher", "'Matcher.GrpcCode' applies only to target groups with ProtocolVersion GRPC")
      } else if let matcher = StatusCodeMatcher(code), matcher.isWithin(0...99) {
        settings.matcher = matcher
      } else {
        invalid(
          "Matcher", "invalid 'Matcher.GrpcCode' '\(code)'",
          hint: "gRPC codes such as \"12\" or \"0-99\"")
      }
    }
  }
}
