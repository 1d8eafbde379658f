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
  /// Whether each of `addresses` passed active health checks, as read at the control plane's
  /// `healthEpoch` (valid until the epoch moves on).
  struct HealthReading {
    var epoch: Int
    var addresses: [UInt32]
    var healthy: [Bool]
    /// Whether every one of `addresses` passed.
    var allHealthy: Bool
  }
  /// The resolution a virtual node's DNS hostname was last found under (an entry of `dns`,
  /// which is not replaced before it expires), with the configuration revision whose hostname it
  /// is (-1: none), so that a request under that revision reads it without reading, hashing or
  /// comparing the hostname. One object per node, updated in place, which the node's clusters
  /// refer to.
  final class RecentResolution {
    fileprivate(set) var revision = -1
    fileprivate(set) var expires = SimTime.zero
    fileprivate(set) var addresses: [UInt32] = []
    /// A serial number of the resolution, new for every one (`nextSerial`).
    fileprivate(set) var serial = -1

    /// Whether this is a resolution under configuration revision `revision` that has not
    /// expired at `now`.
    @inline(__always)
    func holds(revision: Int, at now: SimTime) -> Bool { self.revision == revision && expires > now }
  }

  var dns: [String: Resolution] = [:]
  /// The recent resolution of each virtual node, by node index (made on first use).
  private var recent: [RecentResolution] = []
  private var nextSerial = 0
  /// The index in `clusters` of each node's first cluster (by node index, -1: none), and of
  /// the next cluster of the same node after each cluster (-1: none), with each cluster's port:
  /// flat columns of plain integers, so that finding a cluster retains nothing.
  private var firstClusterOfNode: [Int] = []
  private var nextClusterOfNode: [Int] = []
  private var clusterPorts: [Int] = []
  /// Clusters, in the order this Envoy first used them.
  private(set) var clusters: [EnvoyCluster] = []

  /// The key of the cluster for `node`'s listener on `port`.
  static func key(node: Int, port: Int) -> Int64 { Int64(node) << 20 | Int64(port) }

  /// The cluster for `node`'s listener on `port` (created fresh on first use).
  func cluster(node: Int, port: Int) -> EnvoyCluster {
    unretainedCluster(node: node, port: port).takeUnretainedValue()
  }

  /// `cluster(node:port:)` unretained (the state owns its clusters for its whole life).
  @inline(__always)
  func unretainedCluster(node: Int, port: Int) -> Unmanaged<EnvoyCluster> {
    var slot = node < firstClusterOfNode.count ? firstClusterOfNode[node] : -1
    while slot >= 0 {
      if clusterPorts[slot] == port { return clusters.withUnsafeBufferPointer { .passUnretained($0[slot]) } }
      slot = nextClusterOfNode[slot]
    }
    return addCluster(node: node, port: port)
  }

  private func addCluster(node: Int, port: Int) -> Unmanaged<EnvoyCluster> {
    if node >= firstClusterOfNode.count {
      firstClusterOfNode.append(contentsOf: repeatElement(-1, count: node + 1 - firstClusterOfNode.count))
    }
    let cluster = EnvoyCluster(resolution: recentResolution(of: node))
    // Appended to the end of the node's chain, so that lookups keep their first-use order.
    var last = firstClusterOfNode[node]
    if last < 0 {
      firstClusterOfNode[node] = clusters.count
    } else {
      while nextClusterOfNode[last] >= 0 { last = nextClusterOfNode[last] }
      nextClusterOfNode[last] = clusters.count
    }
    nextClusterOfNode.append(-1)
    clusterPorts.append(port)
    clusters.append(cluster)
    return .passUnretained(cluster)
  }

  /// The recent resolution object of `node` (made on first use).
  private func recentResolution(of node: Int) -> RecentResolution {
    while node >= recent.count { recent.append(RecentResolution()) }
    return recent[node]
  }

  /// The addresses of the resolution virtual node `node`'s DNS hostname at configuration revision
  /// `revision` was last found under, if it was found under that revision and has not expired at
  /// `now` (nil says nothing: `cachedAddresses` decides by hostname).
  func recentAddresses(node: Int, revision: Int, at now: SimTime) -> [UInt32]? {
    guard node < recent.count, recent[node].holds(revision: revision, at: now) else { return nil }
    return recent[node].addresses
  }

  /// The addresses of the cached resolution of `hostname` (virtual node `node`'s DNS hostname at
  /// configuration revision `revision`) if it has not expired at `now`.
  func cachedAddresses(_ hostname: String, node: Int, revision: Int, at now: SimTime) -> [UInt32]? {
    if let recent = recentAddresses(node: node, revision: revision, at: now) { return recent }
    guard let cached = dns[hostname], cached.expires > now else { return nil }
    remember(cached, node: node, revision: revision)
    return cached.addresses
  }

  /// Stores a fresh resolution of `hostname` (virtual node `node`'s DNS hostname at revision
  /// `revision`).
  func store(_ resolution: Resolution, of hostname: String, node: Int, revision: Int) {
    dns[hostname] = resolution
    remember(resolution, node: node, revision: revision)
  }

  private func remember(_ resolution: Resolution, node: Int, revision: Int) {
    let recent = recentResolution(of: node)
    recent.serial = nextSerial
    nextSerial += 1
    recent.revision = revision
    recent.expires = resolution.expires
    recent.addresses = resolution.addresses
  }
}
