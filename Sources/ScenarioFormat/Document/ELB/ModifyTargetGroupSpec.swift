/// A `ModifyTargetGroup` body: the target group and the health-check fields to change.
public struct ModifyTargetGroupSpec: Sendable {
  public var targetGroup: String
  public var healthCheck: HealthCheckSpec
  public var source: SourceRef
}
