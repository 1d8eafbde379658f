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

/// `NONE` (no auth, the default) or `AWS_IAM` (requests must be allowed by the auth policy).
public enum LatticeAuthType: String, CaseIterable, Sendable {
  case none = "NONE"
  case awsIAM = "AWS_IAM"
}

/// Where an auth policy is attached: a service network or a service (by index).
public enum LatticeAuthResource: Sendable, Equatable {
  case serviceNetwork(Int)
  case service(Int)
}

/// A service network: the boundary VPCs and services associate with.
public struct LatticeServiceNetwork: Sendable {
  public var name: String
  public var id: String
  public var arn: String
  public var authType: LatticeAuthType
  public var authPolicy: LatticeAuthPolicy?
  public var source: SourceRef
}

/// A VPC Lattice service: its generated DNS name (link-local 169.254.171.x answers), optional
/// custom domain, auth type and listeners.
public struct LatticeService: Sendable {
  public var name: String
  public var id: String
  public var arn: String
  /// `<name>-<id>.<partition id>.vpc-lattice-svcs.<region>.on.aws`, lower-case.
  public var dnsName: String
  public var customDomainName: String?
  public var certificateArn: String?
  public var authType: LatticeAuthType
  public var authPolicy: LatticeAuthPolicy?
  /// Listener indices in declaration order.
  public var listeners: [Int] = []
  public var source: SourceRef
}

/// A VPC's association with a service network. Its security groups filter which clients of the
/// VPC may use the network (inbound rules evaluated against the client; none = no filtering).
public struct LatticeVPCAssociation: Sendable {
  public var id: String
  public var arn: String
  public var serviceNetwork: Int
  public var vpc: Int
  public var securityGroups: [Int]
  /// Custom domain names of the network's services resolve inside the VPC.
  public var privateDNSEnabled: Bool
  /// False when an event creates it later.
  public var activeAtStart: Bool
  public var source: SourceRef
}

/// A service's association with a service network; a service is unreachable until associated.
public struct LatticeServiceAssociation: Sendable {
  public var id: String
  public var arn: String
  public var serviceNetwork: Int
  public var service: Int
  public var activeAtStart: Bool
  public var source: SourceRef
}

/// ECS native registration: every task of `service` registers `address:port` in `targetGroup`
/// while it runs (aws-behaviour §3.9).
public struct LatticeECSRegistration: Sendable {
  public var service: Int
  public var targetGroup: Int
  /// The container port of the named port mapping.
  public var port: Int
  public var portName: String
  public var source: SourceRef
}
