import ScenarioFormat

/// A service network: the boundary VPCs and services associate with.
public struct LatticeServiceNetwork: Sendable {
  public var name: String
  public var id: String
  public var arn: String
  public var authType: LatticeAuthType
  public var authPolicy: LatticeAuthPolicy?
  public var source: SourceRef
}
