import RouteMatching
import ScenarioFormat

/// A virtual gateway: a standalone Envoy (usually behind an NLB) whose listeners take traffic
/// from outside the mesh and whose gateway routes send it to virtual services, with the client
/// policy of `backendDefaults` (AWS behaviour §1.8).
public struct VirtualGateway: Sendable {
  /// One listener and the gateway routes that apply on it, in precedence order.
  public struct RouteListener: Sendable {
    public var port: Int
    /// Actions are gateway route indices in the configuration.
    public var table: RouteTable<Int>
    public var ties: [(Int, Int)]
  }
  public var name: String
  public var mesh: Int
  public var listeners: [MeshListener]
  public var routeListeners: [RouteListener]
  public var backendDefaults: ClientTLSPolicy?
  public var source: SourceRef

  public func listener(port: Int) -> MeshListener? { listeners.first { $0.port == port } }
  public func routeListener(port: Int) -> RouteListener? {
    routeListeners.first { $0.port == port }
  }
}
