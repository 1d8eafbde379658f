import NetworkModel
import SimKernel

/// Turns a finished world into a ``RunResult``: sorted rows, names instead of indices.
public enum ResultCollector {
  public static func collect(_ world: World, seed: UInt64) -> RunResult {
    let model = world.model
    let streams = world.statistics.map { statistics -> RunResult.Stream in
      let spec = model.traffic[statistics.stream]
      let table = OutcomeRowTable(keys: statistics.outcomeKeys, world: world)
      return RunResult.Stream(
        name: spec.name, origin: world.clientActors[statistics.stream].groupName, request: "\(spec.method) \(spec.url)",
        sent: statistics.sent, outcomes: rows(statistics.outcomes, world: world), latency: statistics.latency,
        perSecond: statistics.countsPerSecond().map { ($0.second, table.rows($0.counts)) })
    }
    var edges: [String: Int] = [:]
    for (key, count) in world.edgeCounts {
      let from = world.actors[Int(key >> 32)].groupName
      let to = world.actors[Int(key & 0xFFFF_FFFF)].groupName
      if from != to { edges["\(from)\u{1}\(to)", default: 0] += count }
    }
    let edgeList = edges.keys.sorted().map { key -> (from: String, to: String, count: Int) in
      let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
      return (String(parts[0]), String(parts[1]), edges[key]!)
    }
    let nodes = topologyNodes(world, edges: edgeList)
    var result = RunResult(
      scenario: model.name, seed: seed, streams: streams, expectations: ExpectationEvaluator.evaluate(world),
      fingerprint: world.simulation.fingerprint.hexDigest, processedEvents: world.simulation.processedEventCount,
      stoppedAtEventLimit: world.simulation.stoppedAtEventLimit, endTime: world.now, traces: world.traces.traces,
      timeline: world.timeline, edges: edgeList)
    result.nodes = nodes
    result.tasks = world.tasks.map(\.activity)
    return result
  }

  /// The diagram's nodes: every edge end and traffic origin. A node's kind is the most specific
  /// kind among its actors (a virtual gateway's tasks draw as a gateway), traffic generators
  /// counting only when nothing else stands for the node.
  static func topologyNodes(_ world: World, edges: [(from: String, to: String, count: Int)]) -> [TopologyNode] {
    var wanted = Set(world.clientActors.map(\.groupName))
    for edge in edges {
      wanted.insert(edge.from)
      wanted.insert(edge.to)
    }
    func rank(_ kind: TopologyNode.Kind) -> Int {
      switch kind {
      case .client: 0
      case .component: 1
      case .service: 2
      case .external, .loadBalancer, .gateway, .managedService: 3
      }
    }
    var actorKinds: [String: TopologyNode.Kind] = [:]
    var clientKinds: [String: TopologyNode.Kind] = [:]
    for actor in world.actors where wanted.contains(actor.groupName) {
      if actor is ClientActor {
        if clientKinds[actor.groupName] == nil { clientKinds[actor.groupName] = actor.nodeKind }
      } else if actorKinds[actor.groupName].map({ rank(actor.nodeKind) > rank($0) }) ?? true {
        actorKinds[actor.groupName] = actor.nodeKind
      }
    }
    return wanted.sorted().map { TopologyNode(name: $0, kind: actorKinds[$0] ?? clientKinds[$0] ?? .component) }
  }

  /// Merges outcome keys into report rows, sorted by count (descending), then by names.
  static func rows(_ outcomes: [StreamStatistics.OutcomeKey: Int], world: World) -> [RunResult.OutcomeRow] {
    struct RowKey: Hashable { var service: Int32; var task: Int32; var status: Int; var disposition: Disposition }
    var merged: [RowKey: (count: Int, body: Int32?, mixed: Bool)] = [:]
    for (key, count) in outcomes {
      let rowKey = RowKey(service: key.service, task: key.task, status: key.status, disposition: key.disposition)
      if var entry = merged[rowKey] {
        entry.count += count
        if entry.body != key.body { entry.mixed = true }
        merged[rowKey] = entry
      } else {
        merged[rowKey] = (count, key.body, false)
      }
    }
    let rows = merged.map { key, value in
      RunResult.OutcomeRow(
        service: world.serviceName(key.service), task: world.taskName(key.task), status: key.status == 0 ? nil : key.status,
        disposition: key.disposition.rawValue, count: value.count,
        body: value.mixed ? nil : value.body.flatMap { world.bodies.string($0) })
    }
    return rows.sorted(by: precedes)
  }

  /// The order of report rows: by count (descending), then by names.
  static func precedes(_ a: RunResult.OutcomeRow, _ b: RunResult.OutcomeRow) -> Bool {
    if a.count != b.count { return a.count > b.count }
    return (a.service ?? "", a.task ?? "", a.status ?? 0, a.disposition) < (b.service ?? "", b.task ?? "", b.status ?? 0, b.disposition)
  }
}
