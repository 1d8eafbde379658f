import ScenarioFormat

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
