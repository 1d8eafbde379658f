/// The `cloudMap` section: namespaces, services and explicitly registered instances, in the
/// AWS Cloud Map API shapes (`CreatePrivateDnsNamespace`, `CreateService`, `RegisterInstance`).
public struct CloudMapSection: Sendable {
  public var namespaces: [NamespaceSpec] = []
  public var services: [DiscoveryServiceSpec] = []
  public var instances: [InstanceSpec] = []
  public init() {}
}

/// A Cloud Map namespace. `Type` is `DNS_PRIVATE` (needs `Vpc`), `DNS_PUBLIC` or `HTTP`.
public struct NamespaceSpec: Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    case dnsPrivate = "DNS_PRIVATE"
    case dnsPublic = "DNS_PUBLIC"
    case http = "HTTP"
  }
  public var id: String?
  public var arn: String?
  public var name: String
  public var kind: Kind
  public var vpc: String?
  /// SOA TTL, which bounds negative caching of missing names.
  public var soaTTLSeconds: Int?
  public var source: SourceRef
}

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

/// An instance registered by hand (`RegisterInstance`), for endpoints ECS does not manage.
public struct InstanceSpec: Sendable {
  public var service: String
  public var instanceID: String
  public var attributes: [(String, String)]
  public var source: SourceRef
}
