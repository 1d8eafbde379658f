/// A winner tree (tournament) over the fronts of the simulation's delay lanes: which lane holds
/// the earliest pending lane event, in O(1), kept up to date in O(log lanes) per change.
///
/// `nodes` is a complete binary tree in level order (root at index 1, children of `i` at `2i`
/// and `2i + 1`) whose leaves `leafCount + lane` hold each lane's front (`LaneFront.empty(…)`
/// for an empty or unused lane) and whose every inner node holds the earlier of its two
/// children. When a lane's front changes only its path to the root is replayed: with 16 lanes,
/// four comparisons, against the scan of every lane it replaces. The tree has a fixed size
/// (`depth` levels above the leaves), so each replay is a fixed number of steps that the
/// compiler unrolls.
///
/// The nodes live in memory that the owner, `DelayLanes`, allocates (`init`), copies
/// (`copy()`) and frees (`deallocate()`).
@usableFromInline
struct LaneTournament {
  /// Matches from a leaf to the root.
  @usableFromInline static var depth: Int { 4 }
  /// Leaves: the most lanes a tournament can hold.
  @usableFromInline static var leafCount: Int { 1 &<< depth }
  /// `2 * leafCount` nodes; index 0 is unused.
  @usableFromInline let nodes: UnsafeMutablePointer<LaneFront>

  /// `LaneTournament.leafCount`.
  @inlinable
  var leafCount: Int { LaneTournament.leafCount }

  /// A tournament of `laneCapacity` (at most `leafCount`) empty lanes.
  @inlinable
  init(laneCapacity: Int) {
    precondition(laneCapacity <= LaneTournament.leafCount, "more lanes than the tournament has leaves")
    let leaves = LaneTournament.leafCount
    nodes = UnsafeMutablePointer<LaneFront>.allocate(capacity: 2 * leaves)
    nodes.initialize(to: .empty(lane: 0))
    for lane in 0..<leaves { (nodes + leaves + lane).initialize(to: .empty(lane: lane)) }
    for index in stride(from: leaves - 1, through: 1, by: -1) { (nodes + index).initialize(to: nodes[2 * index]) }
  }

  @inlinable
  init(nodes: UnsafeMutablePointer<LaneFront>) {
    self.nodes = nodes
  }

  /// A tournament with the same fronts in memory of its own.
  @inlinable
  func copy() -> LaneTournament {
    let copy = UnsafeMutablePointer<LaneFront>.allocate(capacity: 2 * leafCount)
    copy.initialize(from: nodes, count: 2 * leafCount)
    return LaneTournament(nodes: copy)
  }

  /// Frees the nodes. The tournament must not be used afterwards.
  @inlinable
  func deallocate() {
    nodes.deallocate()
  }

  /// The earliest front of all lanes (`isEmpty` when every lane is empty).
  @inlinable
  var winner: LaneFront { nodes[1] }

  /// Lane `lane`'s front as the tournament holds it.
  @inlinable
  func front(of lane: Int) -> LaneFront {
    precondition(lane >= 0 && lane < leafCount, "no such lane")
    return nodes[leafCount + lane]
  }

  /// `update(_:)` for a front no later than the lane's previous one (an empty lane that gets
  /// an event): the replay stops at the first match the lane loses, since every match above
  /// it keeps its winner.
  ///
  /// - Complexity: O(log lanes)
  @inlinable
  @inline(__always)  // on every append to an empty lane: a call would cost a fair share
  func lower(_ front: LaneFront) {
    // Only `DelayLanes.append` lowers, for a lane in use: the leaf is masked into range.
    assert(front.lane >= 0 && front.lane < leafCount, "no such lane")
    assert(!nodes[leafCount &+ front.lane].precedes(front), "the front moved later")
    var index = leafCount | (front.lane & (leafCount &- 1))
    nodes[index] = front
    for _ in 0..<LaneTournament.depth {
      if nodes[index ^ 1].precedes(front) { return }
      index &>>= 1
      nodes[index] = front
    }
  }

  /// `update(_:)` for a lane index that is known to be a leaf (`front.lane` of a front the
  /// tournament named): the leaf's index is masked into range instead of checked.
  ///
  /// - Complexity: O(log lanes)
  @inlinable
  @inline(__always)
  func replay(_ front: LaneFront) {
    assert(front.lane >= 0 && front.lane < leafCount, "no such lane")
    var index = leafCount | (front.lane & (leafCount &- 1))
    var winner = front
    nodes[index] = front
    for _ in 0..<LaneTournament.depth {
      let rival = nodes[index ^ 1]
      if rival.precedes(winner) { winner = rival }
      index &>>= 1
      nodes[index] = winner
    }
  }

  /// Records that lane `front.lane` now has front `front`, and replays its matches up to the
  /// root.
  ///
  /// - Complexity: O(log lanes)
  @inlinable
  @inline(__always)
  func update(_ front: LaneFront) {
    precondition(front.lane >= 0 && front.lane < leafCount, "no such lane")
    replay(front)
  }
}
