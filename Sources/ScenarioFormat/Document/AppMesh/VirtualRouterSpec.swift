/// A virtual router (`CreateVirtualRouter`): the ports and protocols it listens on; its routes
/// are separate `routes` entries naming it (AWS behaviour §1.7).
public struct VirtualRouterSpec: Sendable {
  /// `spec.listeners[].portMapping`.
  public struct Listener: Sendable {
    public var port: Int
    public var protocolName: AppMeshProtocol
    public var source: SourceRef
  }
  public var meshName: String?
  public var virtualRouterName: String
  public var listeners: [Listener]
  public var source: SourceRef
}
