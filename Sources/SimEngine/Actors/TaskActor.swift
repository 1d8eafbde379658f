import NetworkModel
import SimKernel

/// An ECS task (awsvpc): one ENI, the application containers' behaviour, and whatever proxies
/// the service sections attach (App Mesh Envoy, Service Connect proxy).
public final class TaskActor: ApplicationActor {
  public enum State: String, Sendable {
    case pending = "PENDING", running = "RUNNING", stopping = "STOPPING", stopped = "STOPPED"
  }
  /// Index in `World.tasks`.
  public let taskIndex: Int32
  /// ECS service index, or -1 - standalone index for `RunTask` tasks.
  public let service: Int
  public let ordinal: Int
  public let taskDefinition: Int
  public let subnet: Int
  public var state: State = .pending
  /// Fault injected by `failHealthChecks`: every health check of this task fails.
  public var failingHealthChecks = false
  public var startedAt: SimTime = .zero
  /// Deployment generation of the service this task belongs to (a redeploy starts a new one).
  public var deployment: Int = 0
  /// Names attached by service sections (`envoy`, `service-connect`) for `explain`.
  public var sidecars: [String] = []
  /// When requests reached the task's application (for comparisons and reports).
  public var activity: TaskActivity

  public init(name: String, taskIndex: Int32, service: Int, ordinal: Int, taskDefinition: Int, subnet: Int,
              behavior: ApplicationBehavior) {
    self.taskIndex = taskIndex
    self.service = service
    self.ordinal = ordinal
    self.taskDefinition = taskDefinition
    self.subnet = subnet
    self.activity = TaskActivity(task: name, service: String(name.split(separator: "/").dropLast().joined(separator: "/")))
    super.init(name: name, behavior: behavior, serviceCode: Int32(service))
    self.taskCode = taskIndex
  }

  /// What `ApplicationActor.handleRequest` does, once the task has checked that it takes
  /// connections (a task that is not accepting refuses).
  public override func handleRequest(_ e: Int32, in world: World) {
    activity.record(world.now)
    noteReceived(e, in: world)
    guard isAccepting else { return refuse(e, in: world) }
    serve(e, in: world)
  }

  /// The service part of the name (`backend` for `backend/2`), computed once.
  private lazy var group = String(name.split(separator: "/").dropLast().joined(separator: "/"))
  public override var groupName: String { group }

  public override var nodeKind: TopologyNode.Kind { .service }

  public var isStandalone: Bool { service < 0 }
  public var isRunning: Bool { state == .running }

  /// Whether the application takes connections: a running task, or one stopping (it finishes
  /// what it has and still answers until it is stopped).
  @inline(__always)
  var isAccepting: Bool { state == .running || state == .stopping }

  /// Refuses a connection to a task that is not accepting any (kept out of line: rare).
  @inline(never)
  private func refuse(_ e: Int32, in world: World) {
    world.note(e, name, .failed, "task is \(state.rawValue): connection refused")
    world.reply(e, .failure(.connectionRefused))
  }
}
