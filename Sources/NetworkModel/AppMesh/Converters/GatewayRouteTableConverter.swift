import RouteMatching
import ScenarioFormat

/// Builds a virtual gateway's per-listener gateway-route tables: the one place gateway routes
/// become `RouteTable`s, ordered by priority and then longest prefix (AWS behaviour §1.8, §7
/// item 20).
public enum GatewayRouteTableConverter {
  public static func listeners(
    _ listeners: [MeshListener], routes: [(index: Int, route: GatewayRoute)]
  ) -> [VirtualGateway.RouteListener] {
    listeners.map { listener in
      let applicable = routes.filter { entry in
        entry.route.kind == listener.protocolName
          && (entry.route.port ?? listener.port) == listener.port
      }
      let ordering = AppMeshRouteOrdering.order(
        applicable.map {
          .init(
            priority: $0.route.priority, specificity: $0.route.specificity, name: $0.route.name,
            path: $0.route.literalPath)
        })
      let rules = ordering.order.map { position in
        RouteRule(
          name: applicable[position].route.label, condition: applicable[position].route.condition,
          action: applicable[position].index)
      }
      let ties = ordering.ties.map { (applicable[$0.0].index, applicable[$0.1].index) }
      return VirtualGateway.RouteListener(
        port: listener.port, table: RouteTable(rules: rules), ties: ties)
    }
  }
}
