import RouteMatching
import ScenarioFormat
import SimKernel

/// A route of a virtual router, resolved: its match as a ``RequestCondition`` (Envoy
/// semantics: exact header match case-sensitive, regex a full match, range end exclusive),
/// its weighted targets, retry policy and timeout (AWS behaviour §1.7).
public struct MeshRoute: Sendable {
  /// A weighted target: a virtual node and the node listener port it is sent to.
  public struct Target: Sendable, Equatable {
    public var node: Int
    public var port: Int
    public var weight: Int

    public init(node: Int, port: Int, weight: Int) {
      self.node = node
      self.port = port
      self.weight = weight
    }
  }
  public var name: String
  public var router: Int
  public var priority: Int?
  public var kind: AppMeshProtocol
  public var condition: RequestCondition
  /// The listener port the route is limited to (`match.port`), if any.
  public var port: Int?
  public var targets: [Target]
  /// Relative weights, picked per request (HTTP, gRPC) or per connection (TCP).
  public var choice: WeightedChoice<Int>
  /// An explicit retry policy; nil = App Mesh's hidden default (when enabled).
  public var retryPolicy: MeshRetryPolicy?
  /// `timeout.perRequest`; nil = 15 s.
  public var perRequestTimeout: SimDuration?
  /// Length of the prefix or exact path, for ordering unprioritised routes.
  public var specificity: Int
  /// The literal prefix or exact path the match requires, if any (for tie detection).
  public var literalPath: String?
  public var source: SourceRef

  /// `route color-route-blue (priority 900)`.
  public var label: String {
    "route \(name)" + (priority.map { " (priority \($0))" } ?? " (no priority)")
  }
}
