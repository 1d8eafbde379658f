import ScenarioFormat

/// A Cloud Map service: the DNS records `<service>.<namespace>` answers with and how.
///
/// MULTIVALUE answers carry up to 8 random healthy records (up to 8 unhealthy ones when none is
/// healthy); WEIGHTED answers carry one random healthy record. Custom health changes take effect
/// about 30 s after the update (Cloud Map API reference, `HealthCheckCustomConfig`).
public struct DiscoveryService: Sendable {
  public var id: String
  public var arn: String
  public var name: String
  public var namespace: Int
  public var fullName: String
  public var routingPolicy: DiscoveryServiceSpec.RoutingPolicy
  public var hasARecords: Bool
  public var hasSRVRecords: Bool
  public var ttlSeconds: Int
  public var healthCheckCustom: Bool
  public var source: SourceRef
  /// Created by ECS for a Service Connect discovery name: no DNS records, instances registered
  /// by the tasks that serve the endpoint.
  public var createdByServiceConnect = false
}
