/// A winner tree (tournament) over the fronts of the simulation's delay lanes: which lane holds
/// the earliest pending lane event, in O(1), kept up to date in O(log lanes) per change.
///
/// `nodes` is a complete binary tree in level order (root at index 1, children of `i` at `2i`
/// and `2i + 1`) whose leaves `leafCount + lane` hold each lane's front (`LaneFront.empty(…)`
/// for an empty or unused lane) and whose every inner node holds the earlier of its two
/// children. When a lane's front changes only its path to the root is replayed: with 16 lanes,
/// four comparisons, against the scan of every lane it replaces.
@usableFromInline
struct LaneTournament: Sendable {
  /// Leaves: a power of two, at least one per lane.
  @usableFromInline let leafCount: Int
  /// Index 0 is unused; see the type's description.
  @usableFromInline var nodes: ContiguousArray<LaneFront>

  /// A tournament of `laneCapacity` empty lanes (rounded up to a power of two).
  @inlinable
  init(laneCapacity: Int) {
    var leaves = 1
    while leaves < laneCapacity { leaves *= 2 }
    leafCount = leaves
    nodes = ContiguousArray(repeating: .empty(lane: 0), count: 2 * leaves)
    for lane in 0..<leaves { nodes[leaves + lane] = .empty(lane: lane) }
    for index in stride(from: leaves - 1, through: 1, by: -1) { nodes[index] = nodes[2 * index] }
  }

  /// The earliest front of all lanes (`isEmpty` when every lane is empty).
  @inlinable
  var winner: LaneFront { nodes[1] }

  /// Lane `lane`'s front as the tournament holds it.
  @inlinable
  func front(of lane: Int) -> LaneFront { nodes[leafCount + lane] }

  /// Records that lane `front.lane` now has front `front`, and replays its matches up to the
  /// root.
  ///
  /// - Complexity: O(log lanes)
  @inlinable
  mutating func update(_ front: LaneFront) {
    let leaf = leafCount + front.lane
    precondition(front.lane >= 0 && leaf < nodes.count, "no such lane")
    nodes.withUnsafeMutableBufferPointer { nodes in
      var index = leaf
      var winner = front
      nodes[index] = front
      while index > 1 {
        let rival = nodes[index ^ 1]
        if rival.precedes(winner) { winner = rival }
        index &>>= 1
        nodes[index] = winner
      }
    }
  }
}
