import SimKernel

/// A route of a virtual router (`CreateRoute` / `UpdateRoute`): exactly one of `httpRoute`,
/// `http2Route`, `grpcRoute`, `tcpRoute`, plus an optional `priority` 0–1000 (AWS behaviour §1.7).
public struct MeshRouteSpec: Sendable {
  /// `action.weightedTargets[]`.
  public struct WeightedTarget: Sendable {
    public var virtualNode: String
    public var weight: Int
    public var port: Int?
    public var source: SourceRef
  }
  /// `retryPolicy` (`HttpRetryPolicy` / `GrpcRetryPolicy`).
  public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var perRetryTimeout: SimDuration?
    public var httpRetryEvents: [String]
    public var tcpRetryEvents: [String]
    public var grpcRetryEvents: [String]
    public var source: SourceRef
  }
  /// One of the route kinds with its match, action, retry policy and timeout.
  public struct Body: Sendable {
    public var kind: AppMeshProtocol
    public var match: MeshMatchSpec?
    public var targets: [WeightedTarget]
    public var retryPolicy: RetryPolicy?
    public var perRequestTimeout: SimDuration?
    public var idleTimeout: SimDuration?
    public var source: SourceRef
  }

  public var meshName: String?
  public var virtualRouterName: String
  public var routeName: String
  public var priority: Int?
  /// Every route kind written (exactly one is valid).
  public var bodies: [Body]
  public var source: SourceRef
}
