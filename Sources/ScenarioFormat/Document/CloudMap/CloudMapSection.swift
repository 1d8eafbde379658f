/// The `cloudMap` section: namespaces, services and explicitly registered instances, in the
/// AWS Cloud Map API shapes (`CreatePrivateDnsNamespace`, `CreateService`, `RegisterInstance`).
public struct CloudMapSection: Sendable {
  public var namespaces: [NamespaceSpec] = []
  public var services: [DiscoveryServiceSpec] = []
  public var instances: [InstanceSpec] = []
  public init() {}
}
