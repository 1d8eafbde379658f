import RouteMatching
import ScenarioFormat

/// What App Mesh's route precedence and table building need of a route: a virtual router's
/// route (``MeshRoute``) or a virtual gateway's gateway route (``GatewayRoute``).
public protocol AppMeshOrderedRoute {
  var name: String { get }
  var priority: Int? { get }
  /// The protocol of the listeners the route applies on (`httpRoute` on `http`, …).
  var kind: AppMeshProtocol { get }
  /// The listener port the route is limited to (`match.port`), if any.
  var port: Int? { get }
  /// Length of the prefix or exact path, for ordering routes of equal priority.
  var specificity: Int { get }
  /// The literal prefix or exact path the match requires, if any (for tie detection).
  var literalPath: String? { get }
  var condition: RequestCondition { get }
  /// How traces and diagnostics name the route.
  var label: String { get }
}

extension MeshRoute: AppMeshOrderedRoute {}

extension GatewayRoute: AppMeshOrderedRoute {}
