/// App Mesh's precedence for routes and gateway routes, applied once when tables are built
/// (AWS behaviour §1.7, §1.8, §6 C3).
///
/// Routes with a `priority` come first, lowest number first (0 is the highest priority); routes
/// without one come after every prioritised route. Among routes of equal rank the longest prefix
/// or exact path goes first (App Mesh's historical order, and the gateway-route rule that
/// `/chapter` beats `/`). Routes that still tie are ordered by name for determinism and reported
/// as ties, because App Mesh does not define their order — unless their literal paths differ
/// (`/color1` and `/color2` never match the same request, so their order does not matter).
public enum AppMeshRouteOrdering {
  /// What ordering needs to know about one route.
  public struct Entry: Sendable, Equatable {
    public var priority: Int?
    public var specificity: Int
    public var name: String
    /// The literal prefix or exact path the match requires, if any.
    public var path: String?

    public init(priority: Int?, specificity: Int, name: String, path: String? = nil) {
      self.priority = priority
      self.specificity = specificity
      self.name = name
      self.path = path
    }
  }

  /// The entries' indices in evaluation order, and the pairs (in that order) that tie.
  public static func order(_ entries: [Entry]) -> (order: [Int], ties: [(Int, Int)]) {
    let order = entries.indices.sorted { a, b in
      let x = entries[a]
      let y = entries[b]
      let rankX = x.priority ?? 1001
      let rankY = y.priority ?? 1001
      if rankX != rankY { return rankX < rankY }
      if x.specificity != y.specificity { return x.specificity > y.specificity }
      if x.name != y.name { return x.name < y.name }
      return a < b
    }
    var ties: [(Int, Int)] = []
    for (a, b) in zip(order, order.dropFirst()) {
      let x = entries[a]
      let y = entries[b]
      if x.priority == y.priority && x.specificity == y.specificity
        && (x.path == nil || y.path == nil || x.path == y.path)
      {
        ties.append((a, b))
      }
    }
    return (order, ties)
  }
}
