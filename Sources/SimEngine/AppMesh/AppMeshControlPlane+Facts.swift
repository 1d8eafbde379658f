import NetworkModel
import RouteMatching

/// What the per-request path needs of the current configuration revision, looked up once per
/// revision: which virtual node listeners check health, terminate TLS or detect outliers, and
/// each virtual router listener's route table. Reading these plain values avoids copying a
/// whole `VirtualNode` or `VirtualRouter` out of the configuration on every request.
struct MeshRevisionFacts {
  struct NodeListener {
    let port: Int
    let checksHealth: Bool
    /// The listener terminates TLS (a `tls` block whose mode is not `DISABLED`).
    let terminatesTLS: Bool
    let detectsOutliers: Bool
  }

  /// Listener facts per virtual node, in listener order.
  let nodeListeners: [[NodeListener]]
  /// Route tables per virtual router, by listener port, in listener order.
  let routerTables: [[(port: Int, table: RouteTable<Int>)]]

  init(_ config: AppMeshConfiguration) {
    nodeListeners = config.virtualNodes.map { node in
      node.listeners.map { listener in
        NodeListener(
          port: listener.port, checksHealth: listener.healthCheck != nil,
          terminatesTLS: listener.tls.map { $0.mode != .disabled } ?? false,
          detectsOutliers: listener.outlierDetection != nil)
      }
    }
    routerTables = config.virtualRouters.map { router in router.listeners.map { ($0.port, $0.table) } }
  }

  /// The facts of `node`'s first listener on `port` (as `VirtualNode.listener(port:)` finds it).
  func listener(node: Int, port: Int) -> NodeListener? {
    for listener in nodeListeners[node] where listener.port == port { return listener }
    return nil
  }

  /// The route table of `router`'s first listener on `port`.
  func table(router: Int, port: Int) -> RouteTable<Int>? {
    for listener in routerTables[router] where listener.port == port { return listener.table }
    return nil
  }
}
