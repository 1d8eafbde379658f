import RouteMatching

extension LatticeListener {
  /// The listener as one ordered route table: rules by ascending priority, then the default
  /// action under the name `default action`. A TLS passthrough listener has only the default.
  public var routeTable: RouteTable<LatticeRuleAction> {
    var entries: [RouteRule<LatticeRuleAction>] = []
    if listenerProtocol != .tlsPassthrough {
      entries = rules.sorted { $0.priority < $1.priority }.map {
        RouteRule(
          name: LatticeRuleConverter.ruleName($0), condition: $0.condition, action: $0.action)
      }
    }
    entries.append(RouteRule(name: "default action", condition: .always, action: defaultAction))
    return RouteTable(rules: entries)
  }

  /// `HTTP:80 listener 'web'`.
  public var label: String { "\(listenerProtocol.rawValue):\(port) listener '\(name)'" }
}
