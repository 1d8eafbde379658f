import ScenarioFormat

/// One entry of an ECS service's `loadBalancers`: ECS registers every running task of the
/// service in the target group as an `ip` target on the container's port, and deregisters it
/// when the task stops.
public struct TargetGroupAttachment: Sendable {
  public var service: Int
  public var targetGroup: Int
  public var containerName: String
  /// Index of the container in the service's task definition.
  public var container: Int
  /// The port targets are registered on (the container port, not the group's `Port`).
  public var containerPort: Int
  public var source: SourceRef
}
