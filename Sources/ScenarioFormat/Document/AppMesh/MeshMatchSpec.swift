/// The request matches of App Mesh routes and gateway routes, as the API writes them
/// (`HttpRouteMatch`, `HttpGatewayRouteMatch`, `GrpcRouteMatch`, `GrpcGatewayRouteMatch`).
///
/// One shape serves all four: keys a given match does not accept are rejected by its decoder.
public struct MeshMatchSpec: Sendable {
  /// `HeaderMatchMethod` / `GrpcRouteMetadataMatchMethod`: every member written is kept.
  public enum ValueMatch: Sendable, Equatable {
    case exact(String)
    case prefix(String)
    case suffix(String)
    case regex(String)
    /// `range {start, end}`: end exclusive.
    case range(start: Int64, end: Int64)
  }
  /// `headers[]` / `metadata[]`: a name, an optional match (none = presence) and `invert`.
  public struct Header: Sendable {
    public var name: String
    public var matches: [ValueMatch]
    public var invert: Bool
    public var source: SourceRef
  }
  /// `queryParameters[]`: a name and an optional `match.exact`.
  public struct QueryParameter: Sendable {
    public var name: String
    public var exact: String?
    public var source: SourceRef
  }

  public var prefix: String?
  public var pathExact: String?
  public var pathRegex: String?
  public var method: String?
  public var scheme: String?
  public var port: Int?
  public var headers: [Header] = []
  public var queryParameters: [QueryParameter] = []
  public var hostnameExact: String?
  public var hostnameSuffix: String?
  /// gRPC `serviceName` and `methodName`.
  public var serviceName: String?
  public var methodName: String?
  /// Whether a `path` object was written (with neither or both of `exact` and `regex`).
  public var hasPathObject = false
  /// Whether a `hostname` object was written.
  public var hasHostnameObject = false
  public var source: SourceRef

  public init(source: SourceRef) { self.source = source }
}
