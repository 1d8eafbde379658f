import SimKernel

/// A timed change to the world: an AWS API call written in its request shape, or a fault.
public struct EventSpec: Sendable {
  public var at: SimDuration
  public var action: EventAction
  public var source: SourceRef
}

/// What an event does.
public enum EventAction: Sendable {
  /// ECS `UpdateService`: new desired count and/or a forced new deployment (redeploy).
  case updateService(service: String, desiredCount: Int?, forceNewDeployment: Bool)
  /// ECS `StopTask`.
  case stopTask(task: String)
  /// Fault: the task starts failing every health check (load balancer, App Mesh, container).
  case failHealthChecks(task: String)
  /// The task passes health checks again.
  case recoverHealthChecks(task: String)
  /// EC2 `AuthorizeSecurityGroupIngress` / `…Egress` and the matching `Revoke…` calls.
  case changeSecurityGroup(group: String, ingress: Bool, authorize: Bool, permissions: [IPPermissionSpec])
  /// A call on one of the service sections (App Mesh, ELB, Lattice), decoded by that section.
  case serviceCall(ServiceCallSpec)
}

/// An API call event belonging to one AWS service section: its operation name and decoded body.
public struct ServiceCallSpec: Sendable {
  public var operation: String
  public var body: ServiceCallBody
}
