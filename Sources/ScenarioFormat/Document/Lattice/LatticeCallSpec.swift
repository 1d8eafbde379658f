/// An API call event on the `lattice` section, in the VPC Lattice request shape of its operation.
///
/// `source` is the call body's position; the model keys the resolved change by it.
public struct LatticeCallSpec: Sendable {
  /// What the call changes.
  public enum Operation: Sendable {
    /// `UpdateRule`: new priority, match and/or action for an existing rule.
    case updateRule(
      service: String?, listener: String, rule: String, priority: Int?,
      match: LatticeHTTPMatchSpec?,
      action: LatticeRuleActionSpec?)
    /// `UpdateListener`: a new default action.
    case updateListener(service: String?, listener: String, defaultAction: LatticeRuleActionSpec)
    /// `PutAuthPolicy`.
    case putAuthPolicy(LatticeAuthPolicySpec)
    /// `DeleteAuthPolicy`.
    case deleteAuthPolicy(resource: String)
    /// `UpdateService` (VPC Lattice): a new `authType`.
    case updateService(service: String, authType: String)
    /// `UpdateServiceNetwork`: a new `authType`.
    case updateServiceNetwork(serviceNetwork: String, authType: String)
    /// `CreateServiceNetworkVpcAssociation`.
    case createVPCAssociation(ServiceNetworkVPCAssociationSpec)
    /// `DeleteServiceNetworkVpcAssociation`, by association id, ARN or the VPC's name.
    case deleteVPCAssociation(identifier: String)
    /// `CreateServiceNetworkServiceAssociation`.
    case createServiceAssociation(ServiceNetworkServiceAssociationSpec)
    /// `DeleteServiceNetworkServiceAssociation`, by association id or ARN.
    case deleteServiceAssociation(identifier: String)
  }

  public var operation: Operation
  public var source: SourceRef

  public init(operation: Operation, source: SourceRef) {
    self.operation = operation
    self.source = source
  }
}
