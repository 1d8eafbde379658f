/// A choice among elements in proportion to integer weights, driven by a random value the caller
/// supplies.
///
/// Models App Mesh weighted targets (weights 0–100, relative: 50 vs 10 is 5:1), ALB forward
/// target-group weights (0–999) and VPC Lattice target-group weights (0–999), all of which Envoy
/// implements as weighted clusters: `randomValue % totalWeight` walked over the cumulative
/// weights in declaration order. A weight-0 entry is never picked; negative weights count as 0.
/// The random value is an argument so that the choice is pure and tests are deterministic.
public struct WeightedChoice<Element: Sendable>: Sendable {
  /// The elements with their weights, in declaration order.
  public var entries: [(element: Element, weight: Int)] {
    didSet { totalWeight = Self.total(of: entries) }
  }

  /// The sum of the (non-negative) weights, saturating at `Int.max`.
  public private(set) var totalWeight: Int

  /// Creates a choice over `entries` in the given order.
  public init(_ entries: [(element: Element, weight: Int)]) {
    self.entries = entries
    self.totalWeight = Self.total(of: entries)
  }

  /// The element the random value selects, or `nil` when the total weight is 0.
  public func pick(randomValue: UInt64) -> Element? {
    pickIndex(randomValue: randomValue).map { entries[$0].element }
  }

  /// The index of the entry the random value selects, or `nil` when the total weight is 0.
  ///
  /// With weights 90/10, values whose remainder modulo 100 is 0…89 pick the first entry and
  /// 90…99 the second.
  ///
  /// Inlinable so that callers get it specialised for their element type (an unspecialised
  /// generic walk over tuples looks up type metadata on every step).
  @inlinable
  public func pickIndex(randomValue: UInt64) -> Int? {
    guard totalWeight > 0 else { return nil }
    let point = randomValue % UInt64(totalWeight)
    var cumulative: UInt64 = 0
    for index in entries.indices {
      let weight = entries[index].weight
      guard weight > 0 else { continue }
      let (next, overflow) = cumulative.addingReportingOverflow(UInt64(weight))
      if overflow || point < next { return index }
      cumulative = next
    }
    return nil
  }

  private static func total(of entries: [(element: Element, weight: Int)]) -> Int {
    var total = 0
    for entry in entries where entry.weight > 0 {
      let (sum, overflow) = total.addingReportingOverflow(entry.weight)
      if overflow { return Int.max }
      total = sum
    }
    return total
  }
}
