import ScenarioFormat

/// A target group: where a forward action sends requests, the targets' port and protocol, how
/// their health is checked, and the attributes that shape routing.
///
/// ECS registers each task of an attached service as an `ip` target on the *container port*
/// (the group's own `Port` is then only a default for targets registered without one), so a
/// group declared on port 3000 in front of containers on port 80 still reaches them.
public struct TargetGroup: Sendable {
  public var name: String
  public var arn: String
  public var `protocol`: ELBProtocol
  public var protocolVersion: TargetGroupSpec.ProtocolVersion
  /// The default port of targets registered without one.
  public var port: Int
  public var vpc: Int?
  public var targetType: TargetGroupSpec.TargetType
  public var healthCheck: HealthCheckSettings
  public var attributes: TargetGroupAttributes
  /// The load balancer whose listeners or rules forward here, initially or after a scheduled
  /// `ModifyListener` / `ModifyRule` (at most one, as AWS allows).
  public var loadBalancers: [Int]
  public var source: SourceRef

  /// The kind of load balancer this group serves, from its protocol.
  public var loadBalancerKind: LoadBalancer.Kind {
    `protocol`.isApplication ? .application : .network
  }
}
