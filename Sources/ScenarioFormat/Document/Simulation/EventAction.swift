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
  case changeSecurityGroup(
    group: String, ingress: Bool, authorize: Bool, permissions: [IPPermissionSpec])
  /// A call on one of the service sections (App Mesh, ELB, Lattice), decoded by that section.
  case serviceCall(ServiceCallSpec)
}
