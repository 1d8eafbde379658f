import NetworkModel
import SimKernel

/// What one Envoy process remembers about its upstream clusters: its own DNS resolutions (a
/// single address per name with `LOADBALANCER` discovery), round-robin positions and outlier
/// detection, per cluster (a virtual node listener).
///
/// Shared by the listeners of one Envoy (a sidecar's egress listener, a gateway's listeners).
final class EnvoyClusterState {
  struct Resolution {
    var addresses: [UInt32]
    var expires: SimTime
    var source: String
  }
  var dns: [String: Resolution] = [:]
  var roundRobin: [Int64: RoundRobinCursor] = [:]
  var outliers: [Int64: OutlierDetector] = [:]

  /// The key of the cluster for `node`'s listener on `port`.
  static func key(node: Int, port: Int) -> Int64 { Int64(node) << 20 | Int64(port) }
}
