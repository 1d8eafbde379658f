import NetworkModel
import SimKernel

/// The ECS scheduler: keeps each service at its desired count, starts tasks (PENDING → RUNNING
/// after the start delay, spread over the service's subnets), stops them (STOPPING: deregistered
/// at once, ENI gone after the stop delay) and rolls deployments. It tells Cloud Map and the
/// service sections when tasks come and go.
public final class ECSControlPlane: SimActor {
  /// Tasks of each service (index) in start order; standalone tasks under -1 - index.
  var tasksByService: [Int: [TaskActor]] = [:]
  /// Desired count of each service.
  var desired: [Int]
  /// Current deployment generation of each service (a redeploy starts the next one).
  var deployment: [Int]
  static let runningKind = 1
  static let goneKind = 2

  public init(model: NetworkModel) {
    desired = model.services.map(\.desiredCount)
    deployment = Array(repeating: 0, count: model.services.count)
    super.init(name: "ecs")
  }

  public func runningTasks(of service: Int) -> [TaskActor] {
    (tasksByService[service] ?? []).filter { $0.state == .running }
  }

  public func task(service: Int, ordinal: Int) -> TaskActor? {
    tasksByService[service]?.first { $0.ordinal == ordinal }
  }

  public func tasks(of service: Int) -> [TaskActor] { tasksByService[service] ?? [] }

  /// The steady state at time zero: every service's tasks already RUNNING and registered.
  func startInitialTasks(in world: World) {
    for (index, service) in world.model.services.enumerated() {
      for _ in 0..<service.desiredCount { launch(service: index, immediately: true, in: world) }
    }
    for (index, standalone) in world.model.standaloneTasks.enumerated() {
      for _ in 0..<standalone.count { launch(service: -1 - index, immediately: true, in: world) }
    }
  }

  /// Whether a task counts towards its service's desired count (PENDING or RUNNING).
  static func isActive(_ task: TaskActor) -> Bool {
    task.state == .running || task.state == .pending
  }

  /// The task definition, subnets, security groups, public-IP setting and name of a service (or
  /// standalone group, `-1 - index`).
  static func launchSettings(of service: Int, in model: NetworkModel)
    -> (taskDefinition: Int, subnets: [Int], securityGroups: [Int], publicIP: Bool, name: String)
  {
    if service >= 0 {
      let spec = model.services[service]
      return (
        spec.taskDefinition, spec.subnets, spec.securityGroups, spec.assignPublicIP, spec.name
      )
    }
    let spec = model.standaloneTasks[-1 - service]
    return (spec.taskDefinition, spec.subnets, spec.securityGroups, spec.assignPublicIP, spec.name)
  }

  /// Starts one task of a service (or standalone group).
  @discardableResult
  func launch(service: Int, immediately: Bool, in world: World) -> TaskActor? {
    let model = world.model
    let (definitionIndex, subnets, groups, publicIP, ownerName) = Self.launchSettings(
      of: service, in: model)
    let existing = tasksByService[service] ?? []
    let ordinal = existing.count + 1
    guard !subnets.isEmpty else { return nil }
    let subnet = subnets[(ordinal - 1) % subnets.count]
    guard let address = world.addressPlan.privateAddress(in: subnet, of: model) else {
      world.recordTimeline(
        "task \(ownerName)/\(ordinal) cannot start: subnet \(model.subnets[subnet].name) is full")
      return nil
    }
    let definition = model.taskDefinitions[definitionIndex]
    let appContainer =
      definition.containers.first { $0.behavior != nil } ?? definition.containers.first
    let task = TaskActor(
      name: "\(ownerName)/\(ordinal)", taskIndex: Int32(world.tasks.count), service: service,
      ordinal: ordinal,
      taskDefinition: definitionIndex, subnet: subnet, behavior: appContainer?.behavior ?? .default)
    world.add(task)
    let behaviors = definition.containers.filter { $0.behavior != nil }
    if behaviors.count > 1 {
      for container in behaviors {
        for mapping in container.ports {
          task.portBehaviors[mapping.containerPort] = container.behavior
        }
      }
    }
    world.tasks.append(task)
    task.defaultBody = world.bodies.intern(ownerName)
    task.deployment = service >= 0 ? deployment[service] : 0
    let publicAddress =
      publicIP && model.subnets[subnet].isPublic ? world.addressPlan.publicAddress() : nil
    let interface = world.addInterface(
      address: address, publicAddress: publicAddress, subnet: subnet, securityGroups: groups,
      owner: task.id, label: "\(IPv4Address(address)) (\(task.name))")
    task.interface = interface
    for port in definition.containerPorts {
      world.interfaces[Int(interface)].listeners[port] = task.id
    }
    tasksByService[service, default: []].append(task)
    for observer in world.lifecycleObservers { observer.taskCreated(task, in: world) }
    if immediately {
      markRunning(task, in: world)
    } else {
      world.startTimer(
        id, after: model.settings.taskStartDelay,
        tag: Int64(task.taskIndex) << 8 | Int64(ECSControlPlane.runningKind))
      world.recordTimeline("task \(task.name) PENDING (\(IPv4Address(address)))")
    }
    return task
  }

  func markRunning(_ task: TaskActor, in world: World) {
    guard task.state == .pending else { return }
    task.state = .running
    task.startedAt = world.now
    if world.now > .zero { world.recordTimeline("task \(task.name) RUNNING") }
    world.cloudMap.register(task, in: world)
    for observer in world.lifecycleObservers { observer.taskRunning(task, in: world) }
  }

  func stop(_ task: TaskActor, in world: World, reason: String) {
    guard Self.isActive(task) else { return }
    task.state = .stopping
    world.recordTimeline("task \(task.name) STOPPING (\(reason))")
    world.cloudMap.deregister(task, in: world)
    for observer in world.lifecycleObservers { observer.taskStopping(task, in: world) }
    world.startTimer(
      id, after: world.model.settings.taskStopDelay,
      tag: Int64(task.taskIndex) << 8 | Int64(ECSControlPlane.goneKind))
  }

  /// `StopTask` on a service's task: the task stops, and the service scheduler starts a
  /// replacement to keep the desired count (ECS developer guide, "Service scheduler concepts").
  func stopAndReplace(_ task: TaskActor, in world: World) {
    let wasActive = Self.isActive(task)
    stop(task, in: world, reason: "StopTask")
    let service = task.service
    guard wasActive, service >= 0, task.deployment == deployment[service] else { return }
    let active = tasks(of: service).filter {
      Self.isActive($0) && $0.deployment == deployment[service]
    }
    if active.count < desired[service] { launch(service: service, immediately: false, in: world) }
  }

  public override func handleTimer(_ tag: Int64, in world: World) {
    let task = world.tasks[Int(tag >> 8)]
    switch Int(tag & 0xFF) {
    case ECSControlPlane.runningKind:
      markRunning(task, in: world)
      if task.service >= 0 { finishRollingDeployment(service: task.service, in: world) }
    case ECSControlPlane.goneKind:
      task.state = .stopped
      world.interfaces[Int(task.interface)].isUp = false
      world.recordTimeline("task \(task.name) STOPPED")
    default: break
    }
  }

  /// Brings a service to `count` tasks: starts new ones, or stops the newest first.
  func scale(service: Int, to count: Int, in world: World) {
    desired[service] = count
    let active = tasks(of: service).filter(Self.isActive)
    if active.count < count {
      for _ in active.count..<count { launch(service: service, immediately: false, in: world) }
    } else if active.count > count {
      for task in active.sorted(by: { $0.ordinal > $1.ordinal }).prefix(active.count - count) {
        stop(task, in: world, reason: "scaled in")
      }
    }
  }

  /// A forced new deployment: start a full set of new tasks; old ones stop once new ones run.
  func redeploy(service: Int, in world: World) {
    deployment[service] += 1
    world.recordTimeline(
      "service \(world.model.services[service].name): new deployment \(deployment[service])")
    for _ in 0..<desired[service] { launch(service: service, immediately: false, in: world) }
  }

  func finishRollingDeployment(service: Int, in world: World) {
    let current = deployment[service]
    let fresh = tasks(of: service).filter { $0.deployment == current && $0.state == .running }
    guard fresh.count >= desired[service] else { return }
    for task in tasks(of: service) where task.deployment < current && Self.isActive(task) {
      stop(task, in: world, reason: "replaced by deployment \(current)")
    }
  }

  /// Sets the health-check fault on a task and tells whoever checks its health.
  func setHealthCheckFailure(_ task: TaskActor, failing: Bool, in world: World) {
    task.failingHealthChecks = failing
    world.recordTimeline("task \(task.name) \(failing ? "starts failing" : "passes") health checks")
    world.cloudMap.healthChanged(task, in: world)
    for observer in world.lifecycleObservers { observer.taskHealthChanged(task, in: world) }
  }
}
