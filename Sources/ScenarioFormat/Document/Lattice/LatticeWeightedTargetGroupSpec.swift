/// One `forward.targetGroups[]` entry.
public struct LatticeWeightedTargetGroupSpec: Sendable {
  public var targetGroup: String
  public var weight: Int?
  public var source: SourceRef
}
