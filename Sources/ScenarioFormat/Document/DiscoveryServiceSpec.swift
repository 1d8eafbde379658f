/// A Cloud Map service (`CreateService`).
public struct DiscoveryServiceSpec: Sendable {
  public enum RoutingPolicy: String, CaseIterable, Sendable {
    case multivalue = "MULTIVALUE"
    case weighted = "WEIGHTED"
  }
  public enum RecordType: String, CaseIterable, Sendable {
    case a = "A", aaaa = "AAAA", srv = "SRV", cname = "CNAME"
  }
  public struct DnsRecord: Sendable {
    public var type: RecordType
    public var ttlSeconds: Int
  }
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
