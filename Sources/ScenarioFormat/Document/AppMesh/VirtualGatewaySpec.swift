/// A virtual gateway (`CreateVirtualGateway`): listeners (http, http2, grpc) and the client
/// policy its Envoy uses towards every backend (AWS behaviour §1.8).
public struct VirtualGatewaySpec: Sendable {
  public var meshName: String?
  public var virtualGatewayName: String
  public var listeners: [MeshListenerSpec]
  public var backendDefaults: MeshTLSSpec.ClientPolicy?
  public var source: SourceRef
}
