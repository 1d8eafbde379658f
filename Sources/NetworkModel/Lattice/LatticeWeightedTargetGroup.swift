/// One weighted entry of a forward action.
public struct LatticeWeightedTargetGroup: Sendable, Equatable {
  public var targetGroup: Int
  public var weight: Int

  public init(targetGroup: Int, weight: Int) {
    self.targetGroup = targetGroup
    self.weight = weight
  }
}
