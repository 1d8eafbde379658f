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
  /// The balancing state of one cluster: its round-robin position and outlier detection, and
  /// what active health checks said of its endpoints when last read.
  struct Cluster {
    var cursor = RoundRobinCursor()
    var outliers = OutlierDetector()
    var health: HealthReading?
  }
  /// Whether each of `addresses` passed active health checks, as read at the control plane's
  /// `healthEpoch` (valid until the epoch moves on).
  struct HealthReading {
    var epoch: Int
    var addresses: [UInt32]
    var healthy: [Bool]
  }
  /// A copy of the resolution a virtual node's hostname was last found under (an entry of `dns`,
  /// which is not replaced before it expires), so a request reads it by node index instead of
  /// hashing the hostname.
  struct RecentResolution {
    var hostname: String
    var resolution: Resolution
  }

  var dns: [String: Resolution] = [:]
  /// Per virtual node index (of the revision that resolved it; the hostname is checked).
  var recentResolutions: [RecentResolution?] = []
  /// The index in `clusters` of each cluster, by virtual node index then listener port.
  private var clusterSlots: [[(port: Int, slot: Int)]] = []
  /// Cluster state, in the order this Envoy first used the clusters.
  var clusters: [Cluster] = []

  /// The key of the cluster for `node`'s listener on `port`.
  static func key(node: Int, port: Int) -> Int64 { Int64(node) << 20 | Int64(port) }

  /// The index in `clusters` of the cluster for `node`'s listener on `port` (created fresh on
  /// first use).
  func cluster(node: Int, port: Int) -> Int {
    if node < clusterSlots.count {
      for entry in clusterSlots[node] where entry.port == port { return entry.slot }
    } else {
      clusterSlots.append(contentsOf: repeatElement([], count: node + 1 - clusterSlots.count))
    }
    clusters.append(Cluster())
    clusterSlots[node].append((port, clusters.count - 1))
    return clusters.count - 1
  }

  /// The addresses of the cached resolution of `hostname` (for virtual node `node`) if it has not
  /// expired at `now`.
  func cachedAddresses(_ hostname: String, node: Int, at now: SimTime) -> [UInt32]? {
    if node < recentResolutions.count, let addresses = recentResolutions[node].flatMap({ recent in
      recent.resolution.expires > now && recent.hostname == hostname ? recent.resolution.addresses : nil
    }) {
      return addresses
    }
    guard let cached = dns[hostname], cached.expires > now else { return nil }
    remember(cached, of: hostname, node: node)
    return cached.addresses
  }

  /// Stores a fresh resolution of `hostname` (for virtual node `node`).
  func store(_ resolution: Resolution, of hostname: String, node: Int) {
    dns[hostname] = resolution
    remember(resolution, of: hostname, node: node)
  }

  private func remember(_ resolution: Resolution, of hostname: String, node: Int) {
    if node >= recentResolutions.count {
      recentResolutions.append(contentsOf: repeatElement(nil, count: node + 1 - recentResolutions.count))
    }
    recentResolutions[node] = RecentResolution(hostname: hostname, resolution: resolution)
  }
}
