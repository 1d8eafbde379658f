import RouteMatching
import ScenarioFormat

/// Builds the per-listener route tables of virtual routers and virtual gateways: the one place
/// App Mesh routes and gateway routes become `RouteTable`s, in the precedence of
/// ``AppMeshRouteOrdering`` (AWS behaviour §1.7, §1.8, §7 item 20).
///
/// A route applies on a listener when its kind matches the listener protocol (`httpRoute` on
/// `http`, `http2Route` on `http2`, …) and, if it has a `match.port`, that port is the listener's.
/// Table actions are the routes' indices in the configuration.
public enum AppMeshRouteTableConverter {
  /// A virtual router's listeners; `routes` are (configuration index, route) pairs of the router.
  public static func routerListeners(
    _ listeners: [(port: Int, protocolName: AppMeshProtocol)],
    routes: [(index: Int, route: MeshRoute)]
  ) -> [VirtualRouter.Listener] {
    listeners.map { listener in
      let built = table(port: listener.port, protocolName: listener.protocolName, routes)
      return VirtualRouter.Listener(
        port: listener.port, protocolName: listener.protocolName, table: built.table,
        ties: built.ties)
    }
  }

  /// A virtual gateway's listeners; `routes` are (configuration index, gateway route) pairs of
  /// the gateway.
  public static func gatewayListeners(
    _ listeners: [MeshListener], routes: [(index: Int, route: GatewayRoute)]
  ) -> [VirtualGateway.RouteListener] {
    listeners.map { listener in
      let built = table(port: listener.port, protocolName: listener.protocolName, routes)
      return VirtualGateway.RouteListener(
        port: listener.port, table: built.table, ties: built.ties)
    }
  }

  /// The table of one listener and the pairs of route indices whose order App Mesh leaves open.
  static func table<Route: AppMeshOrderedRoute>(
    port: Int, protocolName: AppMeshProtocol, _ routes: [(index: Int, route: Route)]
  ) -> (table: RouteTable<Int>, ties: [(Int, Int)]) {
    let applicable = routes.filter { entry in
      entry.route.kind == protocolName && (entry.route.port ?? port) == port
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
    return (RouteTable(rules: rules), ties)
  }
}
