import ScenarioFormat

/// An instance registered in a Cloud Map service by a `RegisterInstance` call written in the
/// scenario (`cloudMap.instances`), rather than by ECS: an EC2 host, an RDS endpoint, an
/// on-premises server. DNS answers carry its `AWS_INSTANCE_IPV4`; it is healthy unless
/// `AWS_INIT_HEALTH_STATUS` is `UNHEALTHY` on a service with `HealthCheckCustomConfig`.
/// An instance with `AWS_ALIAS_DNS_NAME` is a Route 53 alias record to a load balancer instead:
/// DNS answers carry the load balancer's current addresses (Cloud Map API reference,
/// `RegisterInstance`; aws-behaviour §4.2, §4.4).
public struct CloudMapInstance: Sendable {
  public var id: String
  /// Index of the discovery service it is registered in.
  public var service: Int
  public var address: IPv4Address?
  /// `AWS_ALIAS_DNS_NAME`: the DNS name of the load balancer the alias record points to.
  public var aliasDNSName: String?
  public var port: Int?
  public var attributes: [(String, String)]
  public var initiallyHealthy: Bool
  public var source: SourceRef
}
