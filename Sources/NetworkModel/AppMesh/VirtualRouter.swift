import RouteMatching
import ScenarioFormat

/// A virtual router: per listener port, its routes compiled into one first-match route table in
/// App Mesh precedence (priority 0 first, unprioritised routes after all prioritised ones,
/// longest prefix/path first among equals) (AWS behaviour §1.7, §6 C3).
public struct VirtualRouter: Sendable {
  /// One listener and the routes that apply on it.
  public struct Listener: Sendable {
    public var port: Int
    public var protocolName: AppMeshProtocol
    /// Actions are route indices in the configuration.
    public var table: RouteTable<Int>
    /// Pairs of routes (indices) whose relative order App Mesh does not define.
    public var ties: [(Int, Int)]
  }
  public var name: String
  public var mesh: Int
  public var listeners: [Listener]
  public var source: SourceRef

  /// The listener on `port`, if any.
  public func listener(port: Int) -> Listener? { listeners.first { $0.port == port } }
}
