import ScenarioFormat

/// ECS native registration: every task of `service` registers `address:port` in `targetGroup`
/// while it runs (aws-behaviour §3.9).
public struct LatticeECSRegistration: Sendable {
  public var service: Int
  public var targetGroup: Int
  /// The container port of the named port mapping.
  public var port: Int
  public var portName: String
  public var source: SourceRef
}
