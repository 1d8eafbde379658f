/// `loadBalancers[]`: the target group ECS registers each task's container port in.
public struct LoadBalancerAttachmentSpec: Sendable {
  public var targetGroup: String?
  public var loadBalancerName: String?
  public var containerName: String
  public var containerPort: Int
  public var source: SourceRef
}
