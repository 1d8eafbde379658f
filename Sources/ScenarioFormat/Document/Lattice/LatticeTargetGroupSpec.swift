/// A Lattice target group (`CreateTargetGroup`) plus the targets `RegisterTargets` would add.
public struct LatticeTargetGroupSpec: Sendable {
  public var name: String
  /// `IP`, `INSTANCE`, `ALB` or `LAMBDA`; validated by the model.
  public var type: String
  public var config: LatticeTargetGroupConfigSpec?
  public var targets: [LatticeTargetSpec]
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}
