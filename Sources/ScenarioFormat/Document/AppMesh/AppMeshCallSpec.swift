/// An App Mesh API call event (`UpdateRoute`, `UpdateVirtualNode`, …): the full new resource in
/// the same shape as `aws appmesh update-… --cli-input-json` takes it. The resource replaces the
/// one with the same name when the event fires (a canary weight change, a new backend, a TLS
/// rollout step).
public enum AppMeshCallSpec: Sendable {
  case updateMesh(MeshSpec)
  case updateVirtualNode(VirtualNodeSpec)
  case updateVirtualService(VirtualServiceSpec)
  case updateVirtualRouter(VirtualRouterSpec)
  case updateRoute(MeshRouteSpec)
  case updateVirtualGateway(VirtualGatewaySpec)
  case updateGatewayRoute(GatewayRouteSpec)

  /// Where the call's body is in the scenario file (identifies the configuration revision).
  public var source: SourceRef {
    switch self {
    case .updateMesh(let spec): spec.source
    case .updateVirtualNode(let spec): spec.source
    case .updateVirtualService(let spec): spec.source
    case .updateVirtualRouter(let spec): spec.source
    case .updateRoute(let spec): spec.source
    case .updateVirtualGateway(let spec): spec.source
    case .updateGatewayRoute(let spec): spec.source
    }
  }

  /// `route colorteller-route`, for timelines.
  public var resourceLabel: String {
    switch self {
    case .updateMesh(let spec): "mesh \(spec.meshName)"
    case .updateVirtualNode(let spec): "virtual node \(spec.virtualNodeName)"
    case .updateVirtualService(let spec): "virtual service \(spec.virtualServiceName)"
    case .updateVirtualRouter(let spec): "virtual router \(spec.virtualRouterName)"
    case .updateRoute(let spec): "route \(spec.routeName)"
    case .updateVirtualGateway(let spec): "virtual gateway \(spec.virtualGatewayName)"
    case .updateGatewayRoute(let spec): "gateway route \(spec.gatewayRouteName)"
    }
  }
}
