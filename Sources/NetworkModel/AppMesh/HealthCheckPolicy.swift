import ScenarioFormat
import SimKernel

/// Active health checking of a listener, done by the Envoys that send to it.
public struct HealthCheckPolicy: Sendable {
  public var protocolName: AppMeshProtocol
  public var path: String?
  public var port: Int?
  public var healthyThreshold: Int
  public var unhealthyThreshold: Int
  public var interval: SimDuration
  public var timeout: SimDuration
}
