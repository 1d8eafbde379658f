import ScenarioFormat

/// A service's association with a service network; a service is unreachable until associated.
public struct LatticeServiceAssociation: Sendable {
  public var id: String
  public var arn: String
  public var serviceNetwork: Int
  public var service: Int
  public var activeAtStart: Bool
  public var source: SourceRef
}
