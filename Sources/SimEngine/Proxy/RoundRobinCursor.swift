/// Round-robin choice over a host list that may change between picks, as Envoy's
/// `ROUND_ROBIN` load balancer does: each pick takes the next position modulo the current
/// number of hosts, so hosts added by a scale-out are reached at once.
public struct RoundRobinCursor: Sendable {
  /// The next position to hand out (before reduction by the host count).
  public private(set) var position: Int

  /// Starts at `position` (a proxy starts at a random one so clients do not move in step).
  public init(position: Int = 0) {
    self.position = max(0, position)
  }

  /// The index of the next host among `count` hosts, or nil when there is none. (Inlined: a
  /// proxy takes one step per attempt, and the step is a few instructions.)
  @inline(__always)
  public mutating func next(count: Int) -> Int? {
    guard count > 0 else { return nil }
    let index = position % count
    position = position == Int.max ? 0 : position + 1
    return index
  }
}
