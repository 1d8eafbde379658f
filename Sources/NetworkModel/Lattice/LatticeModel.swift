import ScenarioFormat

/// The resolved VPC Lattice configuration of a scenario: service networks and their VPC and
/// service associations, services with their listeners and rules, target groups, auth policies,
/// ECS registrations, and the timed changes events make to them.
///
/// Every reference is an index into these arrays. Follows aws-behaviour §3 (VPC Lattice) and the
/// gap decisions C10–C13.
public struct LatticeModel: Sendable {
  public var serviceNetworks: [LatticeServiceNetwork] = []
  public var services: [LatticeService] = []
  public var listeners: [LatticeListener] = []
  public var targetGroups: [LatticeTargetGroup] = []
  public var vpcAssociations: [LatticeVPCAssociation] = []
  public var serviceAssociations: [LatticeServiceAssociation] = []
  /// ECS services whose tasks register in a target group (`vpcLatticeConfigurations`).
  public var ecsRegistrations: [LatticeECSRegistration] = []
  /// Resolved `lattice` call events, keyed by the call body's source.
  public var changes: [LatticeChange] = []

  public init() {}

  /// Services get distinct link-local addresses 169.254.171.1–200 in the simulation.
  public static let maximumServices = 200

  /// Whether the scenario uses VPC Lattice at all.
  public var isEmpty: Bool { services.isEmpty && serviceNetworks.isEmpty && targetGroups.isEmpty }

  /// The resolved change of the call event whose body is at `source`.
  public func change(at source: SourceRef) -> LatticeChange? {
    changes.first { $0.source == source }
  }
}
