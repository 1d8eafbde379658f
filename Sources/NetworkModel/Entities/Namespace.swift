import ScenarioFormat

/// A Cloud Map namespace. Private DNS namespaces answer only inside their VPC; HTTP namespaces
/// have no DNS at all (API discovery only). Cloud Map developer guide, "Namespaces".
public struct Namespace: Sendable {
  public var id: String
  public var arn: String
  public var name: String
  public var kind: NamespaceSpec.Kind
  public var vpc: Int?
  public var negativeCacheTTLSeconds: Int
  public var source: SourceRef
  public var hasDNS: Bool { kind != .http }
}
