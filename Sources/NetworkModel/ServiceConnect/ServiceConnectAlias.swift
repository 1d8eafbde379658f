import ScenarioFormat

/// A client alias: the name and port client tasks dial, and the loopback address ECS gives the
/// name in their hosts files.
public struct ServiceConnectAlias: Sendable {
  /// The name as it appears in `/etc/hosts` (lower-case).
  public var dnsName: String
  public var port: Int
  /// The `127.255.0.x` address of the name in the namespace.
  public var address: IPv4Address
  /// True when the name is the default `discoveryName.namespace`.
  public var isDefaultName: Bool
  /// `testTrafficRules.header`: blue/green test traffic (accepted; rolling deployments only).
  public var testTrafficHeader: ServiceConnectConfigurationSpec.TestTrafficHeader?
  public var source: SourceRef
}
