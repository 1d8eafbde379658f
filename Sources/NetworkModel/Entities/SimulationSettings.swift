import SimKernel

/// Figures of the simulated world: one-way latencies per kind of hop, task start and stop
/// delays, and the limits that end runaway runs as reported outcomes.
public struct SimulationSettings: Sendable {
  /// One-way latency between two ENIs in the same Availability Zone.
  public var network = SimDuration.microseconds(250)
  /// Extra one-way latency when the two ENIs are in different Availability Zones.
  public var crossZone = SimDuration.microseconds(500)
  /// One-way latency between the internet and a public address.
  public var internet = SimDuration.milliseconds(10)
  /// Round trip to the VPC resolver on a cache miss.
  public var dnsLookup = SimDuration.milliseconds(2)
  /// Time an Envoy sidecar or Service Connect proxy spends on a request.
  public var proxy = SimDuration.microseconds(100)
  /// Time a load balancer node spends on a request.
  public var loadBalancer = SimDuration.microseconds(500)
  /// Time a virtual gateway spends on a request.
  public var gateway = SimDuration.microseconds(500)
  /// Time VPC Lattice spends on a request.
  public var lattice = SimDuration.microseconds(500)
  /// Default application service time when a behaviour gives none.
  public var application = SimDuration.milliseconds(1)
  /// Time from a scale-out decision until a new task is RUNNING.
  public var taskStartDelay = SimDuration.seconds(20)
  /// Time from a stop until the task's ENI is gone.
  public var taskStopDelay = SimDuration.seconds(2)
  public var eventLimit = 50_000_000
  public var hopLimit = 32
  /// Stop time; nil runs until no event is left.
  public var until: SimDuration?
  public var appMeshDefaultRetries = true

  public init() {}
}
