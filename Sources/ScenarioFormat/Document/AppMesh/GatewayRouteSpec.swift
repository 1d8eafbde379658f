/// A gateway route (`CreateGatewayRoute`): exactly one of `httpRoute`, `http2Route`, `grpcRoute`,
/// an optional `priority`, a target virtual service and rewrites (AWS behaviour §1.8).
public struct GatewayRouteSpec: Sendable {
  /// `action.rewrite`.
  public struct Rewrite: Sendable {
    /// `hostname.defaultTargetHostname`: `ENABLED` (default) or `DISABLED`.
    public var defaultTargetHostname: String?
    /// `prefix.defaultPrefix`: `ENABLED` (default) or `DISABLED`.
    public var defaultPrefix: String?
    /// `prefix.value`: a custom replacement for the matched prefix.
    public var prefixValue: String?
    /// `path.exact`: a replacement path (path matches only).
    public var pathExact: String?
    public var source: SourceRef
  }
  /// One of the route kinds.
  public struct Body: Sendable {
    public var kind: AppMeshProtocol
    public var match: MeshMatchSpec?
    public var targetVirtualService: String?
    public var targetPort: Int?
    public var rewrite: Rewrite?
    public var source: SourceRef
  }

  public var meshName: String?
  public var virtualGatewayName: String
  public var gatewayRouteName: String
  public var priority: Int?
  public var bodies: [Body]
  public var source: SourceRef
}
