/// The `appMesh` section: every App Mesh resource in the App Mesh API request shape
/// (`CreateMesh`, `CreateVirtualNode`, `CreateVirtualService`, `CreateVirtualRouter`,
/// `CreateRoute`, `CreateVirtualGateway`, `CreateGatewayRoute`), so the `--cli-input-json` bodies
/// of the aws-app-mesh-examples walkthroughs paste in unchanged.
///
/// `certificates` is MeshSim-only: App Mesh specs name certificates by file path, ACM ARN or SDS
/// secret, and the simulator needs to know what is inside them (issuer, SANs) to decide TLS
/// handshakes (AWS behaviour §1.9).
public struct AppMeshSection: Sendable {
  public var meshes: [MeshSpec] = []
  public var virtualNodes: [VirtualNodeSpec] = []
  public var virtualServices: [VirtualServiceSpec] = []
  public var virtualRouters: [VirtualRouterSpec] = []
  public var routes: [MeshRouteSpec] = []
  public var virtualGateways: [VirtualGatewaySpec] = []
  public var gatewayRoutes: [GatewayRouteSpec] = []
  public var certificates: [MeshCertificateSpec] = []
  public init() {}

  /// Whether the section declares no App Mesh resource at all.
  public var isEmpty: Bool {
    meshes.isEmpty && virtualNodes.isEmpty && virtualServices.isEmpty && virtualRouters.isEmpty
      && routes.isEmpty && virtualGateways.isEmpty && gatewayRoutes.isEmpty
  }
}
