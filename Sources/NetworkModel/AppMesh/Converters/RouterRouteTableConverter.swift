import RouteMatching
import ScenarioFormat

/// Builds a virtual router's per-listener route tables: the one place router routes become
/// `RouteTable`s and App Mesh's route precedence is applied (AWS behaviour §1.7).
///
/// A route applies on a listener when its kind matches the listener protocol (`httpRoute` on
/// `http`, `http2Route` on `http2`, …) and, if it has a `match.port`, that port is the listener's.
public enum RouterRouteTableConverter {
  /// `routes` are (configuration index, route) pairs of this router.
  public static func listeners(
    _ listeners: [(port: Int, protocolName: AppMeshProtocol)],
    routes: [(index: Int, route: MeshRoute)]
  ) -> [VirtualRouter.Listener] {
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
      return VirtualRouter.Listener(
        port: listener.port, protocolName: listener.protocolName,
        table: RouteTable(rules: rules), ties: ties)
    }
  }
}
