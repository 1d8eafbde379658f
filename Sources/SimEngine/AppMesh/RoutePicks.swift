import NetworkModel
import RouteMatching

/// How one App Mesh route's weighted targets are picked per request, as a table built once per
/// configuration revision: Envoy's weighted clusters take `randomValue % totalWeight` and walk
/// the cumulative weights in declaration order (`WeightedChoice.pickIndex`); the table holds the
/// outcome of that walk for every remainder, so that a request reads one entry.
///
/// Routes whose total weight is 0 (nothing to pick) or above `tableLimit` have no table
/// (`tableStart` -1) and are picked by walking, as before.
struct RoutePicks {
  /// The route's total weight (0: no target can be picked).
  let totalWeight: UInt64
  /// Where the route's table starts in `MeshRevisionFacts.pickTable`, -1: no table.
  let tableStart: Int

  /// The largest total weight given a table (App Mesh weights are 0–100 per target, at most 10
  /// targets per route: 1000).
  static let tableLimit = 4096

  /// Every route's picks, the routes' targets one after another, and the tables (entries are
  /// indices in those targets).
  static func tables(for routes: [MeshRoute]) -> ([RoutePicks], [MeshRoute.Target], [Int32]) {
    var picks: [RoutePicks] = []
    var targets: [MeshRoute.Target] = []
    var table: [Int32] = []
    for route in routes {
      let first = targets.count
      targets.append(contentsOf: route.targets)
      // Never negative: a weighted choice counts negative weights as 0.
      let total = route.choice.totalWeight
      let tabled = total > 0 && total <= tableLimit
      picks.append(RoutePicks(totalWeight: UInt64(total), tableStart: tabled ? table.count : -1))
      guard tabled else { continue }
      for point in 0..<UInt64(total) {
        // The walk itself decides each entry, so the table cannot disagree with it.
        guard let index = route.choice.pickIndex(randomValue: point) else {
          preconditionFailure("a positive total weight always picks an entry")
        }
        table.append(Int32(first + index))
      }
    }
    return (picks, targets, table)
  }
}
