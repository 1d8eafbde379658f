import NetworkModel
import ScenarioFormat
import SimKernel

/// Takes connections to VPC Lattice's link-local range (169.254.171.0/24).
public protocol LinkLocalHandler: AnyObject {
  func handles(_ address: UInt32) -> Bool
  func connect(_ exchange: Int32, from source: NetworkInterface, to address: UInt32, port: Int, extraDelay: SimDuration,
               in world: World)
}

/// Learns when ECS tasks start and stop, to register them as targets or endpoints.
public protocol TaskLifecycleObserver: AnyObject {
  /// The task's ENI exists (PENDING); proxies attach here.
  func taskCreated(_ task: TaskActor, in world: World)
  func taskRunning(_ task: TaskActor, in world: World)
  func taskStopping(_ task: TaskActor, in world: World)
  func taskHealthChanged(_ task: TaskActor, in world: World)
  /// A security group rule changed (health checks may start or stop passing).
  func securityGroupsChanged(in world: World)
}

extension TaskLifecycleObserver {
  public func taskCreated(_ task: TaskActor, in world: World) {}
  public func taskRunning(_ task: TaskActor, in world: World) {}
  public func taskStopping(_ task: TaskActor, in world: World) {}
  public func taskHealthChanged(_ task: TaskActor, in world: World) {}
  public func securityGroupsChanged(in world: World) {}
}

/// Applies API-call events of one service section (App Mesh, ELB, Lattice).
public protocol ServiceCallHandler: AnyObject {
  /// Applies the call and returns true, or returns false when it is not this handler's.
  func apply(_ call: ServiceCallSpec, in world: World) -> Bool
}

/// A line of the run's timeline: scaling, health changes, configuration changes.
public struct TimelineEntry: Sendable {
  public var time: SimTime
  public var text: String
}
