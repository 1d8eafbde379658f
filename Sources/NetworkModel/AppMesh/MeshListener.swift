import ScenarioFormat
import SimKernel

/// A listener of a virtual node or virtual gateway with every default applied: the port and
/// protocol, active health checking, outlier detection, the destination-side connection pool,
/// the per-request timeout (15 s unless set; 0 disables) and TLS termination (AWS behaviour §1.5,
/// §1.8, §1.9).
public struct MeshListener: Sendable {
  public var port: Int
  public var protocolName: AppMeshProtocol
  public var healthCheck: HealthCheckPolicy?
  public var outlierDetection: OutlierDetectionPolicy?
  public var connectionPool: ConnectionPoolLimits?
  /// Envoy's route timeout towards the local application; `.zero` = disabled.
  public var perRequestTimeout: SimDuration
  /// Whether `perRequestTimeout` was set explicitly.
  public var hasExplicitTimeout: Bool
  public var tls: ListenerTLS?
  public var source: SourceRef

  /// App Mesh's default per-request timeout (AWS behaviour §1.5, §1.7).
  public static let defaultPerRequestTimeout = SimDuration.seconds(15)
}
