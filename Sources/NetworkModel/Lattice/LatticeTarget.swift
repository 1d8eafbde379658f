import ScenarioFormat

/// One registered target.
public struct LatticeTarget: Sendable {
  /// What the target is.
  public enum Kind: Sendable, Equatable {
    /// A fixed IPv4 address (`IP` target groups).
    case address(IPv4Address)
    /// An instance, modelled by an `external` endpoint in the target group's VPC (index).
    case instance(Int)
    /// An internal ALB by ARN, name or DNS name, resolved when traffic flows.
    case loadBalancer(String)
  }
  public var kind: Kind
  public var port: Int
  public var source: SourceRef
}
