/// A virtual service (`CreateVirtualService`): its provider is a virtual node, a virtual router,
/// or none at all (requests then get 503) (AWS behaviour §1.6).
public struct VirtualServiceSpec: Sendable {
  public var meshName: String?
  public var virtualServiceName: String
  /// `spec.provider.virtualNode.virtualNodeName`.
  public var providerNode: String?
  /// `spec.provider.virtualRouter.virtualRouterName`.
  public var providerRouter: String?
  public var source: SourceRef
}
