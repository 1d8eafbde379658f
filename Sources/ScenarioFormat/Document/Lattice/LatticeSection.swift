/// The `lattice` section: Amazon VPC Lattice resources in the VPC Lattice API request shapes
/// (`CreateServiceNetwork`, `CreateService`, `CreateListener`, `CreateRule`,
/// `CreateTargetGroup`, `CreateServiceNetworkVpcAssociation`,
/// `CreateServiceNetworkServiceAssociation`, `PutAuthPolicy`), camelCase as the API spells them.
///
/// Listeners name their service with `serviceIdentifier`, rules their listener with
/// `listenerIdentifier` (and optionally `serviceIdentifier`), as the API's path parameters do.
/// Target groups may list `targets` as `RegisterTargets` takes them; ECS services register their
/// tasks through their own `vpcLatticeConfigurations`.
public struct LatticeSection: Sendable {
  public var serviceNetworks: [ServiceNetworkSpec] = []
  public var services: [LatticeServiceSpec] = []
  public var listeners: [LatticeListenerSpec] = []
  public var rules: [LatticeRuleSpec] = []
  public var targetGroups: [LatticeTargetGroupSpec] = []
  public var vpcAssociations: [ServiceNetworkVPCAssociationSpec] = []
  public var serviceAssociations: [ServiceNetworkServiceAssociationSpec] = []
  public var authPolicies: [LatticeAuthPolicySpec] = []
  public init() {}

  /// Whether the section declares anything at all.
  public var isEmpty: Bool {
    serviceNetworks.isEmpty && services.isEmpty && listeners.isEmpty && rules.isEmpty
      && targetGroups.isEmpty && vpcAssociations.isEmpty && serviceAssociations.isEmpty
      && authPolicies.isEmpty
  }
}
