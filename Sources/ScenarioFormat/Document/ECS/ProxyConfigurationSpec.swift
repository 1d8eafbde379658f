/// ECS `proxyConfiguration` (type `APPMESH`): which TCP traffic the Envoy sidecar intercepts.
public struct ProxyConfigurationSpec: Sendable {
  public var containerName: String
  public var properties: [(name: String, value: String)]
  public var source: SourceRef
  public func property(_ name: String) -> String? { properties.first { $0.name == name }?.value }
}
