/// A Lattice target group (`CreateTargetGroup`) plus the targets `RegisterTargets` would add.
public struct LatticeTargetGroupSpec: Sendable {
  public var name: String
  /// `IP`, `INSTANCE`, `ALB` or `LAMBDA`; validated by the model.
  public var type: String
  public var config: LatticeTargetGroupConfigSpec?
  public var targets: [LatticeTargetSpec]
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// `config` of a target group.
public struct LatticeTargetGroupConfigSpec: Sendable {
  public var port: Int?
  public var protocolName: String?
  public var protocolVersion: String?
  public var ipAddressType: String?
  public var vpc: String?
  public var healthCheck: LatticeHealthCheckSpec?
  public var source: SourceRef
}

/// `config.healthCheck` (`HealthCheckConfig`); absent fields take Lattice's defaults.
public struct LatticeHealthCheckSpec: Sendable {
  public var enabled: Bool?
  public var protocolName: String?
  public var protocolVersion: String?
  public var port: Int?
  public var path: String?
  public var intervalSeconds: Int?
  public var timeoutSeconds: Int?
  public var healthyThreshold: Int?
  public var unhealthyThreshold: Int?
  /// `matcher.httpCode`: codes and ranges such as `"200"`, `"200-299"`, `"200,204"`.
  public var httpCode: String?
  public var source: SourceRef

  /// An empty configuration: every field at Lattice's default.
  public init(source: SourceRef) {
    self.source = source
  }
}

/// One target as `RegisterTargets` takes it: an IP address, an instance, or a load balancer.
public struct LatticeTargetSpec: Sendable {
  public var id: String
  public var port: Int?
  public var source: SourceRef
}
