import RouteMatching

/// A `forward` action: target groups with relative weights.
public struct ForwardAction: Sendable {
  /// One target group of the action and its weight.
  public struct WeightedTargetGroup: Sendable, Hashable {
    public var targetGroup: Int
    public var weight: Int
    public init(targetGroup: Int, weight: Int) {
      self.targetGroup = targetGroup
      self.weight = weight
    }
  }
  public var targetGroups: [WeightedTargetGroup]
  /// Target-group stickiness duration in seconds, when enabled (`AWSALBTG` cookie).
  public var stickinessSeconds: Int?

  public init(targetGroups: [WeightedTargetGroup], stickinessSeconds: Int? = nil) {
    self.targetGroups = targetGroups
    self.stickinessSeconds = stickinessSeconds
  }

  /// The weighted choice among the target groups (indices into the model's target groups).
  public var choice: WeightedChoice<Int> {
    WeightedChoice(targetGroups.map { (element: $0.targetGroup, weight: $0.weight) })
  }
}
