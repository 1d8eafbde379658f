/// One target as `RegisterTargets` takes it: an IP address, an instance, or a load balancer.
public struct LatticeTargetSpec: Sendable {
  public var id: String
  public var port: Int?
  public var source: SourceRef
}
