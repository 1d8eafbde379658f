import RouteMatching

/// The ALB converter: listener rules and default action into one first-match route table.
extension LoadBalancerListener {
  /// Recompiles `routeTable` from `rules` (kept in ascending priority) and `defaultAction`.
  public mutating func rebuildRouteTable() {
    routeTable = Self.routeTable(rules: rules, defaultAction: defaultAction)
  }

  /// The ALB evaluation order as a route table: rules by ascending priority, then the default
  /// action, which matches every request.
  public static func routeTable(rules: [ListenerRule], defaultAction: LoadBalancerAction)
    -> RouteTable<LoadBalancerAction>
  {
    let ordered = rules.sorted { $0.priority < $1.priority }
    return RouteTable(
      rules: ordered.map { RouteRule(name: $0.label, condition: $0.condition, action: $0.action) }
        + [RouteRule(name: "default action", condition: .always, action: defaultAction)])
  }
}
