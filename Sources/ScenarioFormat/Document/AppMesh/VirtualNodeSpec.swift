/// A virtual node (`CreateVirtualNode` / `UpdateVirtualNode`): listeners, service discovery,
/// backends and backend defaults (AWS behaviour §1.5).
public struct VirtualNodeSpec: Sendable {
  /// One member of the `serviceDiscovery` union.
  public enum ServiceDiscovery: Sendable {
    /// `dns.hostname`; `responseType` `LOADBALANCER` (default) or `ENDPOINTS`.
    case dns(hostname: String, responseType: String?, source: SourceRef)
    /// `awsCloudMap`: namespace, service and instance attributes that must all match.
    case cloudMap(
      namespaceName: String, serviceName: String, attributes: [(key: String, value: String)],
      source: SourceRef)
  }
  /// `backends[].virtualService` with its optional client policy.
  public struct Backend: Sendable {
    public var virtualServiceName: String
    public var clientPolicy: MeshTLSSpec.ClientPolicy?
    public var source: SourceRef
  }

  public var meshName: String?
  public var virtualNodeName: String
  public var listeners: [MeshListenerSpec]
  /// Every member of the `serviceDiscovery` union that was written (exactly one is valid).
  public var serviceDiscovery: [ServiceDiscovery]
  public var backends: [Backend]
  public var backendDefaults: MeshTLSSpec.ClientPolicy?
  public var source: SourceRef
}
