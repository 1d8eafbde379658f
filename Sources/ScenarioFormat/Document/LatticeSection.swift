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

/// A service network (`CreateServiceNetwork`): the logical boundary that VPCs and services
/// associate with. `id`/`arn` are describe-only fields; when given they become aliases.
public struct ServiceNetworkSpec: Sendable {
  public var name: String
  /// `NONE` (default) or `AWS_IAM`; validated by the model.
  public var authType: String?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// A Lattice service (`CreateService`).
public struct LatticeServiceSpec: Sendable {
  public var name: String
  public var authType: String?
  public var customDomainName: String?
  public var certificateArn: String?
  public var id: String?
  public var arn: String?
  /// `dnsEntry.domainName` from describe output: the generated name to use instead of MeshSim's.
  public var dnsName: String?
  public var source: SourceRef
}

/// `CreateServiceNetworkVpcAssociation`: a VPC joins a service network, optionally with
/// security groups that filter which of its clients may use the network.
public struct ServiceNetworkVPCAssociationSpec: Sendable {
  public var serviceNetwork: String
  public var vpc: String
  public var securityGroups: [String]
  /// `privateDnsEnabled`: custom domain names resolve inside the VPC (default true).
  public var privateDnsEnabled: Bool?
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// `CreateServiceNetworkServiceAssociation`: a service joins a service network.
public struct ServiceNetworkServiceAssociationSpec: Sendable {
  public var serviceNetwork: String
  public var service: String
  public var id: String?
  public var arn: String?
  public var source: SourceRef
}

/// `PutAuthPolicy`: an IAM-style resource policy on a service network or a service.
///
/// `policy` may be written as a JSON string (as the API takes it) or as an object; either way
/// `document` is the parsed policy, with positions inside the scenario file.
public struct LatticeAuthPolicySpec: Sendable {
  public var resource: String
  public var document: JSONNode
  public var source: SourceRef
}
