import NetworkModel

/// What a load balancer node picks among in each target group (``TargetSelection/Pool``, its
/// candidates and the group's algorithm), remembered for one selection revision of the plane
/// (``LoadBalancingPlane/selectionRevision``, which moves whenever targets, their health, the
/// groups' attributes or the load balancers' cross-zone setting change).
///
/// A request's pick is then a look-up and the algorithm's choice among the remembered
/// candidates, instead of a pass over every target of the group. Plain values in flat arrays:
/// reading a pool retains nothing.
struct TargetPools {
  /// One group's pool.
  struct Entry {
    enum Kind: UInt8 { case unknown, candidates, noTarget, noHealthyTargetInZone }
    var kind = Kind.unknown
    var failOpen = false
    var algorithm = TargetSelection.Algorithm.roundRobin
    /// The candidates: `candidates[start ..< start + count]`.
    var start: Int32 = 0
    var count: Int32 = 0
  }

  /// The revision the entries belong to (none at first).
  private(set) var revision = UInt64.max
  private(set) var entries: ContiguousArray<Entry> = []
  /// Every entry's candidates (target ids), back to back.
  private(set) var candidates: ContiguousArray<Int> = []

  /// The remembered pool of group `group` at `revision` (`.unknown` when it must be worked
  /// out); entries of an older revision are forgotten first.
  @inline(__always)
  mutating func entry(group: Int, revision: UInt64) -> Entry {
    if revision != self.revision || group >= entries.count { prepare(group: group, revision: revision) }
    return entries[group]
  }

  /// Candidate `index` of the candidates (an entry's are at `start ..< start + count`).
  @inline(__always)
  func candidate(_ index: Int) -> Int { candidates[index] }

  /// Remembers the pool of `group` (for the revision of the last `entry` call), whose
  /// candidates `fill` appends to the list it is given.
  mutating func remember(group: Int, algorithm: TargetSelection.Algorithm,
                         _ fill: (inout ContiguousArray<Int>) -> TargetSelection.Pool) -> Entry {
    let start = candidates.count
    var entry = Entry()
    entry.algorithm = algorithm
    entry.start = Int32(start)
    switch fill(&candidates) {
    case .candidates(let failOpen):
      entry.kind = .candidates
      entry.failOpen = failOpen
    case .noTarget:
      entry.kind = .noTarget
    case .noHealthyTargetInZone:
      entry.kind = .noHealthyTargetInZone
    }
    entry.count = Int32(candidates.count - start)
    entries[group] = entry
    return entry
  }

  /// Forgets the entries of another revision and makes room for `group`.
  @inline(never)
  private mutating func prepare(group: Int, revision: UInt64) {
    if revision != self.revision {
      self.revision = revision
      for index in entries.indices { entries[index] = Entry() }
      candidates.removeAll(keepingCapacity: true)
    }
    if group >= entries.count { entries.append(contentsOf: repeatElement(Entry(), count: group + 1 - entries.count)) }
  }
}
