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

    // The two readers below are `mutating` only so that `clusters[slot].…` runs them on the
    // element in place (a plain read of an element of `clusters` copies the whole cluster).

    /// Whether the health reading was taken at `epoch` of exactly `addresses`.
    mutating func healthIsCurrent(epoch: Int, of addresses: [UInt32]) -> Bool {
      health?.epoch == epoch && health?.addresses == addresses
    }

    /// Whether every host is usable at `now`: the health reading says each passes and outlier
    /// detection ejects none.
    mutating func allUsable(at now: SimTime) -> Bool {
      health?.allHealthy == true && !outliers.mayEject(at: now)
    }
  }
  /// Whether each of `addresses` passed active health checks, as read at the control plane's
  /// `healthEpoch` (valid until the epoch moves on).
  struct HealthReading {
    var epoch: Int
    var addresses: [UInt32]
    var healthy: [Bool]
    /// Whether every one of `addresses` passed.
    var allHealthy: Bool
  }
  var dns: [String: Resolution] = [:]
  /// The resolution each virtual node's hostname was last found under (an entry of `dns`, which
  /// is not replaced before it expires), by node index (of the revision that resolved it; the
  /// hostname is checked), so that a request reads it without hashing the hostname. Kept as
  /// separate columns: reading a whole entry would copy (retain) every field of it.
  private var recentHostnames: [String?] = []
  private var recentExpiries: [SimTime] = []
  private var recentAddresses: [[UInt32]] = []
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
      // By index: a `for` loop would retain the node's slot array.
      var entry = 0
      while entry < clusterSlots[node].count {
        if clusterSlots[node][entry].port == port { return clusterSlots[node][entry].slot }
        entry += 1
      }
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
    if node < recentHostnames.count, recentExpiries[node] > now, recentHostnames[node] == hostname {
      return recentAddresses[node]
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
    if node >= recentHostnames.count {
      let missing = node + 1 - recentHostnames.count
      recentHostnames.append(contentsOf: repeatElement(nil, count: missing))
      recentExpiries.append(contentsOf: repeatElement(.zero, count: missing))
      recentAddresses.append(contentsOf: repeatElement([], count: missing))
    }
    recentHostnames[node] = hostname
    recentExpiries[node] = resolution.expires
    recentAddresses[node] = resolution.addresses
  }
}
