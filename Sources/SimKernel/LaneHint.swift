/// Where a caller last found the delay lane of one delay it schedules often (a proxy's
/// processing time, a hop's latency, a timeout), so that `Simulation.scheduleInLane(_:after:hint:compacting:)`
/// confirms the lane with one comparison instead of hashing the delay first.
///
/// Keep one hint per delay, next to the delay, for as long as the delay stays the same (in
/// facts worked out once per configuration revision, say); a fresh hint is fine. A hint is only
/// ever a guess: when the lane has since taken another delay (lanes are reused once all are in
/// use) or the hint belongs to another delay, the lane is looked up as usual and the hint
/// updated, so a stale hint costs time, never order. Any hint is safe with any simulation: it
/// names a lane below `Simulation.maximumLaneCount`, and every lane descriptor exists.
public struct LaneHint: Sendable, Equatable {
  /// The lane index the kernel last found for the delay (0 until the first scheduling).
  @usableFromInline var lane: UInt8

  /// A hint that knows nothing yet.
  @inlinable
  public init() {
    lane = 0
  }
}
