import NetworkModel
import ScenarioFormat
import SimKernel

/// Elastic Load Balancing in the simulated world: the load balancers' current configuration,
/// their nodes, the target groups' registered targets and their health.
///
/// It answers DNS for the load balancers' names, registers ECS tasks as `ip` targets when they
/// run (and drains them when they stop), runs health checks in simulated time, and applies the
/// ELB API calls scheduled as events. The nodes (``LoadBalancerNodeActor``) route requests with
/// the state kept here. Single-threaded, like the whole world.
public final class LoadBalancingPlane: SimActor {
  public internal(set) var loadBalancers: [LoadBalancer] {
    didSet {
      crossZoneEnabled = loadBalancers.map(\.attributes.crossZoneEnabled)
      selectionRevision &+= 1
      listenerRevision &+= 1
    }
  }
  /// Each load balancer's cross-zone attribute, kept in step with `loadBalancers` (read per
  /// request without copying a whole `LoadBalancer`).
  private(set) var crossZoneEnabled: [Bool] = []
  public internal(set) var listeners: [LoadBalancerListener] {
    didSet {
      forwardGroups = LoadBalancingPlane.forwardGroups(of: listeners)
      listenerRevision &+= 1
    }
  }
  /// Each listener's default forward target group (the first), what an NLB node uses per
  /// connection; kept in step with `listeners`.
  private(set) var forwardGroups: [Int?] = []

  static func forwardGroups(of listeners: [LoadBalancerListener]) -> [Int?] {
    listeners.map { listener in
      guard case .forward(let forward) = listener.defaultAction else { return nil }
      return forward.targetGroups.first?.targetGroup
    }
  }
  public internal(set) var targetGroups: [TargetGroup] {
    didSet {
      groupAttributes = targetGroups.map(\.attributes)
      selectionRevision &+= 1
    }
  }
  /// Each target group's attributes, kept in step with `targetGroups` (read per request without
  /// copying a whole `TargetGroup` with its strings).
  private(set) var groupAttributes: [TargetGroupAttributes] = []
  /// Availability Zone names by number (``zoneNumber(of:)``).
  private var zoneNumbers: [String: Int32] = [:]
  /// Every registered target (by id). Any write through `targets` moves `selectionRevision`;
  /// the per-request outstanding counts are written to `targetStorage` directly.
  public internal(set) var targets: [LoadBalancerTarget] {
    _read { yield targetStorage }
    set {
      selectionRevision &+= 1
      targetStorage = newValue
    }
    _modify {
      selectionRevision &+= 1
      yield &targetStorage
    }
  }
  private(set) var targetStorage: [LoadBalancerTarget] = []
  /// Target ids of each group, in registration order.
  public internal(set) var targetsOfGroup: [[Int]] { didSet { selectionRevision &+= 1 } }
  /// Moves whenever something target selection reads changes (targets and their health, the
  /// groups' targets and attributes, the load balancers' cross-zone setting), so that nodes
  /// know when their remembered pools (``TargetPools``) are stale.
  private(set) var selectionRevision: UInt64 = 0
  /// Moves whenever the listeners or the load balancers change, so that nodes know when the
  /// listener they last found for a port (``LoadBalancerNodeActor/listener(forPort:)``) is stale.
  private(set) var listenerRevision: UInt64 = 0
  /// Each load balancer's nodes, one per subnet.
  public var nodes: [[LoadBalancerNodeActor]] { nodeReferences.map { $0.map(\.node) } }
  /// The nodes, held without owning them: the world owns every actor, and each node owns its
  /// reference to the plane.
  var nodeReferences: [[NodeReference]]

  /// A node of the plane, referred to without owning it.
  struct NodeReference {
    unowned(unsafe) let node: LoadBalancerNodeActor
  }

  /// The nodes of load balancer `balancer`.
  func nodes(of balancer: Int) -> [LoadBalancerNodeActor] { nodeReferences[balancer].map(\.node) }
  let attachments: [TargetGroupAttachment]

  init(model: NetworkModel) {
    let elb = model.loadBalancing
    loadBalancers = elb.loadBalancers
    listeners = elb.listeners
    forwardGroups = LoadBalancingPlane.forwardGroups(of: elb.listeners)
    targetGroups = elb.targetGroups
    groupAttributes = elb.targetGroups.map(\.attributes)
    crossZoneEnabled = elb.loadBalancers.map(\.attributes.crossZoneEnabled)
    attachments = elb.attachments
    targetsOfGroup = Array(repeating: [], count: elb.targetGroups.count)
    nodeReferences = Array(repeating: [], count: elb.loadBalancers.count)
    super.init(name: "elb")
  }

  /// Adds the load balancers to `world`: one node (an ENI with the load balancer's security
  /// groups, listening on every listener port) per subnet, the DNS names, and the observers.
  @discardableResult
  public static func wire(_ world: World) -> LoadBalancingPlane? {
    let model = world.model
    guard !model.loadBalancing.loadBalancers.isEmpty else { return nil }
    let plane = world.add(LoadBalancingPlane(model: model))
    for (index, lb) in plane.loadBalancers.enumerated() {
      let kind = lb.kind == .application ? "ALB" : "NLB"
      for subnet in lb.subnets {
        let zone = model.subnets[subnet].availabilityZone
        guard let address = world.addressPlan.privateAddress(in: subnet, of: model) else {
          world.recordTimeline(
            "\(lb.label) has no node in \(zone): subnet \(model.subnets[subnet].name) is full")
          continue
        }
        let node = world.add(
          LoadBalancerNodeActor(
            plane: plane, balancer: index, subnet: subnet, zone: zone, zoneNumber: plane.zoneNumber(of: zone),
            name: "\(kind) \(lb.name) (\(zone))"))
        let publicAddress = lb.isInternetFacing ? world.addressPlan.publicAddress() : nil
        node.interface = world.addInterface(
          address: address, publicAddress: publicAddress, subnet: subnet,
          securityGroups: lb.securityGroups,
          owner: node.id, label: "\(IPv4Address(address)) (\(kind) \(lb.name), \(zone))")
        for listener in lb.listeners {
          world.interfaces[Int(node.interface)].listeners[plane.listeners[listener].port] = node.id
        }
        plane.nodeReferences[index].append(NodeReference(node: node))
      }
    }
    world.dnsAuthorities.insert(plane, at: 0)
    world.lifecycleObservers.append(plane)
    world.serviceCallHandlers.append(plane)
    return plane
  }

  /// The node addresses of a load balancer named by its name or ARN (Lattice `ALB` targets).
  public func nodeAddresses(of reference: String, in world: World) -> [UInt32] {
    guard
      let index = loadBalancers.firstIndex(where: { $0.name == reference || $0.arn == reference })
    else { return [] }
    return nodes(of: index).map { world.interfaces[Int($0.interface)].address }
  }

  public override func handleTimer(_ tag: Int64, in world: World) {
    handleHealthTimer(tag, in: world)
  }

  /// The listener of load balancer `balancer` on `port` now.
  func listener(of balancer: Int, port: Int) -> Int? {
    loadBalancers[balancer].listeners.first { listeners[$0].port == port }
  }

  /// Whether cross-zone load balancing applies to group `group` on load balancer `balancer`.
  func crossZone(group: Int, balancer: Int) -> Bool {
    switch groupAttributes[group].crossZone {
    case .enabled: return true
    case .disabled: return false
    case .useLoadBalancerConfiguration: return crossZoneEnabled[balancer]
    }
  }

  /// The number of Availability Zone `zone` (numbered as first seen), which target selection
  /// compares instead of the name.
  func zoneNumber(of zone: String) -> Int32 {
    if let known = zoneNumbers[zone] { return known }
    let number = Int32(zoneNumbers.count)
    zoneNumbers[zone] = number
    return number
  }

  /// Whether group `group` passes the client's address on to its targets.
  @inline(__always)
  func preservesClientIP(group: Int) -> Bool { groupAttributes[group].preserveClientIP }

  /// The address of target `target`, read in place.
  @inline(__always)
  func address(of target: Int) -> UInt32 { targetStorage.withUnsafeBufferPointer { $0[target].address } }

  /// Picks a target of `group` for `node` (see ``TargetSelection``): among the node's
  /// remembered pool of the group (``TargetPools``), worked out again only after a change.
  /// Inlined into the nodes' request paths; working a pool out and the least-outstanding
  /// choice are out of line.
  @inline(__always)
  func pickTarget(group: Int, node: LoadBalancerNodeActor, in world: World)
    -> TargetSelection.Outcome
  {
    var pool = node.pools.entry(group: group, revision: selectionRevision)
    if pool.kind == .unknown { pool = rememberPool(group: group, node: node) }
    switch pool.kind {
    case .noTarget: return .noTarget
    case .noHealthyTargetInZone: return .noHealthyTargetInZone
    case .candidates, .unknown: break
    }
    let start = Int(pool.start)
    let count = Int(pool.count)
    let chosen: Int
    // Only the state the algorithm uses is touched: the node's cursor for round robin, its
    // random stream for a random pick (an NLB's flow hash).
    switch pool.algorithm {
    case .roundRobin:
      chosen = node.pools.candidate(start + (node.cursors[group].next(count: count) ?? 0))
    case .random:
      chosen = node.pools.candidate(start + Int(world.randomSource(node.id).pointee.nextInt(below: UInt64(count))))
    case .leastOutstanding:
      chosen = leastOutstanding(start: start, count: count, of: node)
    }
    return .target(chosen, failOpen: pool.failOpen)
  }

  /// The candidate `node.pools.candidates[start ..< start + count]` with the fewest
  /// outstanding requests (``TargetSelection/choose(among:targets:algorithm:position:)``).
  @inline(never)
  private func leastOutstanding(start: Int, count: Int, of node: LoadBalancerNodeActor) -> Int {
    targetStorage.withUnsafeBufferPointer { targets in
      node.pools.candidates.withUnsafeBufferPointer { candidates in
        TargetSelection.choose(among: UnsafeBufferPointer(rebasing: candidates[start..<start + count]), targets: targets,
                               algorithm: .leastOutstanding) { _ in 0 }
      }
    }
  }

  /// Works out and remembers `node`'s pool of `group` (steps 1 and 2 of ``TargetSelection``).
  @inline(never)
  private func rememberPool(group: Int, node: LoadBalancerNodeActor) -> TargetPools.Entry {
    let attributes = groupAttributes[group]
    let algorithm = TargetSelection.Algorithm(kind: node.kind, attributes: attributes)
    if algorithm == .roundRobin && node.cursors.count <= group {
      node.cursors.append(contentsOf: repeatElement(RoundRobinCursor(), count: group + 1 - node.cursors.count))
    }
    let crossZone = crossZone(group: group, balancer: node.balancer)
    return node.pools.remember(group: group, algorithm: algorithm) { candidates in
      targetStorage.withUnsafeBufferPointer { targets in
        TargetSelection.pool(targets: targets, ids: targetsOfGroup[group], zone: node.zoneNumber, crossZone: crossZone,
                             minimumHealthy: attributes.minimumHealthyTargets, into: &candidates)
      }
    }
  }

  /// Counts a request forwarded to `target` as outstanding; returns where to connect.
  @inline(__always)
  func forwarding(to target: Int) -> (address: UInt32, port: Int) {
    // One uniqueness check and one index check for the three fields.
    precondition(targetStorage.indices.contains(target), "no target \(target)")
    return targetStorage.withUnsafeMutableBufferPointer { targets in
      targets[target].outstanding += 1
      return (targets[target].address, targets[target].port)
    }
  }

  /// Counts the answer of a request forwarded to `target` (a target removed since is skipped).
  @inline(__always)
  func answered(by target: Int) {
    guard targetStorage.indices.contains(target) else { return }
    targetStorage.withUnsafeMutableBufferPointer { targets in
      targets[target].outstanding = max(0, targets[target].outstanding - 1)
    }
  }

  // MARK: - Registration

  /// Registers a target and starts its health checks. At time zero (the steady state the run
  /// starts from) a target takes the health its checks give at once; later ones start `initial`.
  func register(
    group: Int, address: UInt32, port: Int, zone: String?, task: Int32, label: String,
    in world: World
  ) {
    if targetsOfGroup[group].contains(where: {
      targets[$0].address == address && targets[$0].port == port && targets[$0].isRoutable
    }) {
      return
    }
    let id = targets.count
    targets.append(
      LoadBalancerTarget(
        targetGroup: group, address: address, port: port, zone: zone,
        zoneNumber: zone.map(zoneNumber(of:)) ?? -1, task: task, state: .initial, label: label))
    targetsOfGroup[group].append(id)
    guard !targetGroups[group].loadBalancers.isEmpty else { return }
    if world.now == .zero {
      let result = checkResult(id, in: world)
      targets[id].checks = HealthCheckStreak(result.passed ? .healthy : .unhealthy)
      targets[id].state = LoadBalancerTarget.State(targets[id].checks.state)
      targets[id].lastFailure = result.passed ? nil : result.reason
    } else {
      world.recordTimeline(
        "ELB: registered \(label) in target group '\(targetGroups[group].name)' (initial)")
    }
    scheduleCheck(
      id, after: world.now == .zero ? targetGroups[group].healthCheck.interval : .zero, in: world)
  }

  /// Deregisters a target: it drains (no new requests) for the deregistration delay, then goes.
  func deregister(_ target: Int, reason: String, in world: World) {
    guard targets[target].isRoutable else { return }
    targets[target].state = .draining
    targets[target].generation += 1
    let group = targets[target].targetGroup
    world.recordTimeline(
      "ELB: \(targets[target].label) draining in target group '\(targetGroups[group].name)' (\(reason))"
    )
    world.startTimer(
      id, after: targetGroups[group].attributes.deregistrationDelay,
      tag: tag(target: target, kind: Self.drainedKind))
  }
}

extension LoadBalancingPlane: TaskLifecycleObserver {
  public func taskRunning(_ task: TaskActor, in world: World) {
    guard task.service >= 0 else { return }
    let address = world.interfaces[Int(task.interface)].address
    let zone = world.model.subnets[task.subnet].availabilityZone
    for attachment in attachments where attachment.service == task.service {
      register(
        group: attachment.targetGroup, address: address, port: attachment.containerPort, zone: zone,
        task: task.taskIndex,
        label: "\(IPv4Address(address)):\(attachment.containerPort) (\(task.name))", in: world)
    }
  }

  public func taskStopping(_ task: TaskActor, in world: World) {
    for id in targets.indices where targets[id].task == task.taskIndex && targets[id].isRoutable {
      deregister(id, reason: "ECS deregistered stopping task \(task.name)", in: world)
    }
  }
}
