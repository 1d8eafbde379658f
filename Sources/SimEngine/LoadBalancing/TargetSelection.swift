import NetworkModel
import SimKernel

/// How a load balancer node picks a target in a target group (aws-behaviour §5.2, §5.4):
///
/// 1. the pool is every routable target, or with cross-zone load balancing off only those in
///    the node's own zone;
/// 2. the candidates are the pool's healthy targets. When the pool has fewer healthy targets than
///    `minimum_healthy_targets.count` (default 1): if other zones still have enough, this node
///    has no healthy target (its DNS record is withdrawn; clients with a cached answer are
///    refused); otherwise the whole group is unhealthy and fails open — every target of the
///    pool is a candidate, healthy or not;
/// 3. ALB picks round robin per node (or the least outstanding requests, or at random, per the
///    group's algorithm); NLB hashes each new connection (a fresh random draw: the hash includes
///    the TCP sequence number, so a client's connections spread).
///
/// An empty pool means no registered target: ALB answers 503.
public struct TargetSelection: Sendable {
  /// The outcome of one pick.
  public enum Outcome: Sendable, Equatable {
    case target(Int, failOpen: Bool)
    /// The group has no routable target (in this node's reach).
    case noTarget
    /// No healthy target in this node's zone while other zones have some (cross-zone off).
    case noHealthyTargetInZone
  }

  /// Picks a target id among `targets` of group `group` for a node in zone number `zone` (the
  /// targets' `zoneNumber`s are numbered alike).
  public static func pick(
    group: Int, targets: [LoadBalancerTarget], ids: [Int], zone: Int32, crossZone: Bool,
    minimumHealthy: Int,
    algorithm: Algorithm, cursor: inout RoundRobinCursor, random: inout RandomSource
  ) -> Outcome {
    // Read through a buffer pointer: plain field loads, no copy of each target (with its
    // strings) per look.
    targets.withUnsafeBufferPointer { targets in
      pick(targets: targets, ids: ids, zone: zone, crossZone: crossZone, minimumHealthy: minimumHealthy,
           algorithm: algorithm) { count in
        switch algorithm {
        case .roundRobin: return cursor.next(count: count) ?? 0
        case .random: return Int(random.nextInt(below: UInt64(count)))
        case .leastOutstanding: return 0
        }
      }
    }
  }

  /// The pick itself. `position` draws the candidate's position for the round-robin and
  /// random algorithms (advancing the node's cursor, or drawing from its random stream), so a
  /// caller touches only the state its algorithm uses.
  static func pick(
    targets: UnsafeBufferPointer<LoadBalancerTarget>, ids: [Int], zone: Int32, crossZone: Bool, minimumHealthy: Int,
    algorithm: Algorithm, position: (_ candidateCount: Int) -> Int
  ) -> Outcome {
    var candidates = ContiguousArray<Int>()
    let pool = self.pool(targets: targets, ids: ids, zone: zone, crossZone: crossZone, minimumHealthy: minimumHealthy,
                         into: &candidates)
    switch pool {
    case .noTarget: return .noTarget
    case .noHealthyTargetInZone: return .noHealthyTargetInZone
    case .candidates(let failOpen):
      let chosen = candidates.withUnsafeBufferPointer { candidates in
        choose(among: candidates, targets: targets, algorithm: algorithm, position: position)
      }
      return .target(chosen, failOpen: failOpen)
    }
  }

  /// What a pick chooses among, before the algorithm's choice: it depends only on the group's
  /// targets and their health and on the node's zone, so a node remembers it until any of
  /// those changes (``TargetPools``).
  enum Pool: Equatable {
    /// The candidates (appended to the caller's list), all targets of the pool when it fails open.
    case candidates(failOpen: Bool)
    case noTarget
    case noHealthyTargetInZone
  }

  /// Steps 1 and 2 of the pick: appends the candidates, in `ids` order, to `candidates`.
  static func pool(
    targets: UnsafeBufferPointer<LoadBalancerTarget>, ids: [Int], zone: Int32, crossZone: Bool, minimumHealthy: Int,
    into candidates: inout ContiguousArray<Int>
  ) -> Pool {
    let minimum = max(minimumHealthy, 1)
    // The pool is the routable targets in reach, the healthy ones among them are preferred.
    func inPool(_ id: Int) -> Bool {
      // `isRoutable`, read field by field.
      guard !targets[id].removed && targets[id].state != .draining else { return false }
      return crossZone || targets[id].zoneNumber < 0 || targets[id].zoneNumber == zone
    }
    var poolCount = 0
    var healthyCount = 0
    for id in ids where inPool(id) {
      poolCount += 1
      if targets[id].state == .healthy { healthyCount += 1 }
    }
    if !crossZone && healthyCount < minimum
      && ids.count(where: { !targets[$0].removed && targets[$0].state == .healthy }) >= minimum
    {
      return .noHealthyTargetInZone
    }
    guard poolCount > 0 else { return .noTarget }
    let failOpen = healthyCount < minimum
    for id in ids where inPool(id) && (failOpen || targets[id].state == .healthy) { candidates.append(id) }
    return .candidates(failOpen: failOpen)
  }

  /// Step 3 of the pick: the algorithm's choice among `candidates` (not empty).
  @inline(__always)
  static func choose(
    among candidates: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<LoadBalancerTarget>,
    algorithm: Algorithm, position: (_ candidateCount: Int) -> Int
  ) -> Int {
    switch algorithm {
    case .roundRobin, .random:
      return candidates[position(candidates.count)]
    case .leastOutstanding:
      var best = candidates[0]
      for id in candidates where (targets[id].outstanding, id) < (targets[best].outstanding, best) { best = id }
      return best
    }
  }

  /// The selection algorithm of a group on a load balancer.
  public enum Algorithm: Sendable {
    case roundRobin, leastOutstanding, random

    /// ALB groups follow `load_balancing.algorithm.type`; NLB nodes hash every connection.
    public init(kind: LoadBalancer.Kind, attributes: TargetGroupAttributes) {
      guard kind == .application else {
        self = .random
        return
      }
      switch attributes.algorithm {
      case .roundRobin: self = .roundRobin
      case .leastOutstandingRequests: self = .leastOutstanding
      case .weightedRandom: self = .random
      }
    }
  }
}
