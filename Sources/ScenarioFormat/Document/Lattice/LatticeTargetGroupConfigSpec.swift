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
