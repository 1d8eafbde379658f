import RouteMatching
import ScenarioFormat

/// A gateway route, resolved: its match, target virtual service (and port) and the rewrites the
/// gateway applies before forwarding — by default the matched prefix becomes `/` and the Host
/// header becomes the virtual service name (AWS behaviour §1.8, §7 item 19).
public struct GatewayRoute: Sendable {
  public var name: String
  public var gateway: Int
  public var priority: Int?
  public var kind: AppMeshProtocol
  public var condition: RequestCondition
  public var port: Int?
  public var service: Int
  public var targetPort: Int?
  public var pathRewrite: PathRewrite
  /// Whether the Host header is rewritten to the target virtual service name.
  public var rewritesHost: Bool
  public var specificity: Int
  public var literalPath: String?
  public var source: SourceRef

  public var label: String {
    "gateway route \(name)" + (priority.map { " (priority \($0))" } ?? "")
  }
}
