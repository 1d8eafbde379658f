import ScenarioFormat

/// One target registered in a Lattice target group in the scenario: an address, an instance or
/// an ALB, and its port.
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
