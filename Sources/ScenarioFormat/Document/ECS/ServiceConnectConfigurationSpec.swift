/// `serviceConnectConfiguration`, exactly as `CreateService` and `UpdateService` take it.
public struct ServiceConnectConfigurationSpec: Sendable {
  /// `clientAliases[].testTrafficRules.header`: blue/green test traffic picked by one header.
  public struct TestTrafficHeader: Sendable {
    public var name: String
    /// `value.exact`; nil when only the header's presence counts.
    public var exact: String?
    public var source: SourceRef
  }
  /// One `clientAliases[]` entry: the port and DNS name clients use.
  public struct Alias: Sendable {
    public var port: Int
    public var dnsName: String?
    public var testTrafficHeader: TestTrafficHeader?
    public var source: SourceRef
  }
  /// One `services[]` entry: a named container port the service offers in the namespace.
  public struct Entry: Sendable {
    public var portName: String
    public var discoveryName: String?
    public var clientAliases: [Alias]
    public var ingressPortOverride: Int?
    public var idleTimeoutSeconds: Int?
    public var perRequestTimeoutSeconds: Int?
    public var tlsAuthority: String?
    public var source: SourceRef
  }
  public var enabled: Bool
  public var namespace: String?
  public var services: [Entry]
  public var source: SourceRef
}
