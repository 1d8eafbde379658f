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
