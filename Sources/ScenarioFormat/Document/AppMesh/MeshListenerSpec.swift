import SimKernel

/// A listener of a virtual node (`Listener`) or of a virtual gateway (`VirtualGatewayListener`),
/// exactly as the App Mesh API takes it: `portMapping` plus optional health check, outlier
/// detection (nodes only), connection pool, timeout (nodes only) and TLS (AWS behaviour §1.5).
///
/// Union members (`connectionPool`, `timeout`) keep every member that was written, so the model
/// builder can report "exactly one of" violations.
public struct MeshListenerSpec: Sendable {
  /// `healthCheck` (`HealthCheckPolicy`): all fields but `path` and `port` are required.
  public struct HealthCheck: Sendable {
    public var protocolName: AppMeshProtocol
    public var path: String?
    public var port: Int?
    public var healthyThreshold: Int
    public var unhealthyThreshold: Int
    public var intervalMillis: Int
    public var timeoutMillis: Int
    public var source: SourceRef
  }
  /// `outlierDetection`: eject a host after `maxServerErrors` consecutive 5xx.
  public struct OutlierDetection: Sendable {
    public var maxServerErrors: Int
    public var interval: SimDuration
    public var baseEjectionDuration: SimDuration
    public var maxEjectionPercent: Int
    public var source: SourceRef
  }
  /// One member of the `connectionPool` union.
  public struct ConnectionPool: Sendable {
    public var protocolName: AppMeshProtocol
    public var maxConnections: Int?
    public var maxPendingRequests: Int?
    public var maxRequests: Int?
    public var source: SourceRef
  }
  /// One member of the `timeout` union (`http`, `http2`, `grpc`: perRequest and idle; `tcp`: idle).
  public struct Timeout: Sendable {
    public var protocolName: AppMeshProtocol
    public var perRequest: SimDuration?
    public var idle: SimDuration?
    public var source: SourceRef
  }

  public var port: Int
  public var protocolName: AppMeshProtocol
  public var healthCheck: HealthCheck?
  public var outlierDetection: OutlierDetection?
  public var connectionPools: [ConnectionPool]
  public var timeouts: [Timeout]
  public var tls: MeshTLSSpec.Listener?
  public var source: SourceRef
}
