import SimKernel

/// Settings of the simulated world itself (simulation-only).
public struct SimulationSettingsSpec: Sendable {
  public var latencies: [String: SimDuration] = [:]
  public var latencySources: [String: SourceRef] = [:]
  public var taskStartDelay: SimDuration?
  public var taskStopDelay: SimDuration?
  public var eventLimit: Int?
  public var hopLimit: Int?
  public var until: SimDuration?
  /// App Mesh's hidden default retry policy (2 retries on 503), on unless set to false.
  public var appMeshDefaultRetries: Bool?
  public init() {}
}
