/// A Cloud Map service (`CreateService`).
public struct DiscoveryServiceSpec: Sendable {
  /// `DnsConfig.RoutingPolicy`: up to 8 records per answer, or one.
  public enum RoutingPolicy: String, CaseIterable, Sendable {
    case multivalue = "MULTIVALUE"
    case weighted = "WEIGHTED"
  }
  /// `DnsRecords[].Type`.
  public enum RecordType: String, CaseIterable, Sendable {
    case a = "A"
    case aaaa = "AAAA"
    case srv = "SRV"
    case cname = "CNAME"
  }
  /// One `DnsConfig.DnsRecords[]` entry.
  public struct DnsRecord: Sendable {
    public var type: RecordType
    public var ttlSeconds: Int
  }
  /// `HealthCheckConfig` (Route 53 checks of public namespaces).
  public struct HealthCheck: Sendable {
    public var type: String
    public var resourcePath: String?
    public var failureThreshold: Int?
  }
  public var id: String?
  public var arn: String?
  public var name: String
  public var namespace: String?
  public var routingPolicy: RoutingPolicy
  public var dnsRecords: [DnsRecord]
  public var healthCheckConfig: HealthCheck?
  public var healthCheckCustom: Bool
  /// `Type: HTTP` makes an API-only service with no DNS records.
  public var apiOnly: Bool
  public var source: SourceRef
}
