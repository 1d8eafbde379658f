/// A Cloud Map namespace. `Type` is `DNS_PRIVATE` (needs `Vpc`), `DNS_PUBLIC` or `HTTP`.
public struct NamespaceSpec: Sendable {
  /// `Type` of the namespace.
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
