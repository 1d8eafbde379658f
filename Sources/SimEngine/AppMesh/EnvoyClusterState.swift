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
    var health: HealthReading? {
      didSet { readingCoversResolution = -1 }
    }
    /// The serial of the remembered resolution (see `recentSerials`) whose addresses `health`
    /// is known to be a reading of, -1 when none is.
    var readingCoversResolution = -1

    // The two readers below are `mutating` only so that `clusters[slot].…` runs them on the
    // element in place (a plain read of an element of `clusters` copies the whole cluster).

    /// Whether the health reading was taken at `epoch` of exactly `addresses`.
    mutating func healthIsCurrent(epoch: Int, of addresses: [UInt32]) -> Bool {
      health?.epoch == epoch && health?.addresses == addresses
    }

    /// Whether the health reading was taken at `epoch`.
    mutating func healthIsOf(epoch: Int) -> Bool { health?.epoch == epoch }

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
  /// is not replaced before it expires), by node index, with the configuration revision whose
  /// hostname it is (-1: none), so that a request under that revision reads it without reading,
  /// hashing or comparing the hostname. Kept as separate columns: reading a whole entry would
  /// copy (retain) every field of it.
  private var recentRevisions: [Int] = []
  private var recentExpiries: [SimTime] = []
  private var recentAddresses: [[UInt32]] = []
  /// A serial number of each remembered resolution, new for every one (`nextSerial`).
  private var recentSerials: [Int] = []
  private var nextSerial = 0
  /// What attempts to each cluster (by index in `clusters`) read of the configuration, decided
  /// once for the configuration revision, the client policy and the Envoy listener (its own
  /// names) in the key columns: the target listener's facts and the TLS handshake. Columns of
  /// plain values, so that an attempt reads them without retaining anything.
  private var attemptRevisions: [Int] = []
  /// The client policy of the key: the revision of the facts it is in, and its index there.
  private var attemptPolicyRevisions: [Int] = []
  private var attemptPolicies: [Int] = []
  private var attemptOwners: [Int32] = []
  private var attemptListeners: [MeshRevisionFacts.NodeListener?] = []
  private var attemptHandshakeCodes: [HandshakeSlots.Code] = []
  /// The handshakes themselves (read for traced requests and failed handshakes only).
  private var attemptHandshakes: [TLSHandshake] = []
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
    attemptRevisions.append(-1)
    attemptPolicyRevisions.append(-1)
    attemptPolicies.append(-1)
    attemptOwners.append(-1)
    attemptListeners.append(nil)
    attemptHandshakeCodes.append(.none)
    attemptHandshakes.append(.plaintext)
    clusterSlots[node].append((port, clusters.count - 1))
    return clusters.count - 1
  }

  /// Whether the attempt facts of cluster `slot` were decided at configuration revision
  /// `revision` for client policy `clientPolicy` (its revision and index in that revision's
  /// `MeshRevisionFacts.clientPolicies`, -1: none) and Envoy listener actor `owner`.
  func attemptFactsHold(
    cluster slot: Int, revision: Int, clientPolicy: (revision: Int, index: Int), owner: Int32
  ) -> Bool {
    attemptRevisions[slot] == revision && attemptOwners[slot] == owner && attemptPolicies[slot] == clientPolicy.index
      && (clientPolicy.index < 0 || attemptPolicyRevisions[slot] == clientPolicy.revision)
  }

  /// Stores the attempt facts of cluster `slot` for the key of `attemptFactsHold`.
  func storeAttemptFacts(
    cluster slot: Int, revision: Int, clientPolicy: (revision: Int, index: Int), owner: Int32,
    listener: MeshRevisionFacts.NodeListener?, handshake: TLSHandshake
  ) {
    attemptRevisions[slot] = revision
    attemptPolicyRevisions[slot] = clientPolicy.revision
    attemptPolicies[slot] = clientPolicy.index
    attemptOwners[slot] = owner
    attemptListeners[slot] = listener
    attemptHandshakeCodes[slot] = HandshakeSlots.Code(handshake)
    attemptHandshakes[slot] = handshake
  }

  /// The facts of the target listener of cluster `slot` (see `attemptFactsHold`).
  func attemptListener(cluster slot: Int) -> MeshRevisionFacts.NodeListener? { attemptListeners[slot] }
  /// The TLS handshake of an attempt to cluster `slot`, as a code (see `attemptFactsHold`).
  func attemptHandshakeCode(cluster slot: Int) -> HandshakeSlots.Code { attemptHandshakeCodes[slot] }
  /// The TLS handshake of an attempt to cluster `slot` (see `attemptFactsHold`).
  func attemptHandshake(cluster slot: Int) -> TLSHandshake { attemptHandshakes[slot] }

  /// The addresses of the resolution virtual node `node`'s DNS hostname at configuration revision
  /// `revision` was last found under, if it was found under that revision and has not expired at
  /// `now` (nil says nothing: `cachedAddresses` decides by hostname).
  func recentAddresses(node: Int, revision: Int, at now: SimTime) -> [UInt32]? {
    guard node < recentRevisions.count, recentRevisions[node] == revision, recentExpiries[node] > now
    else { return nil }
    return recentAddresses[node]
  }

  /// The endpoint of `node`'s cluster `slot` (its listener on some port) that round robin picks next, when the common case
  /// decides it without building anything: the node's remembered resolution holds (see
  /// `recentAddresses`) and is not empty, the cluster's health reading was taken at `healthEpoch`
  /// of exactly those addresses, and every one of them is usable at `now`. Then this is what
  /// `EnvoyProxyActor.chooseEndpoint` picks among them, with the same cursor step; nil (nothing
  /// changed, no cursor step) when the case is not the common one.
  func quickPick(node: Int, cluster slot: Int, revision: Int, healthEpoch: Int, at now: SimTime) -> UInt32? {
    guard node < recentRevisions.count, recentRevisions[node] == revision, recentExpiries[node] > now
    else { return nil }
    // Whether the reading is of these very addresses is found out once per reading and resolution.
    if clusters[slot].readingCoversResolution != recentSerials[node] {
      guard !recentAddresses[node].isEmpty,
        clusters[slot].healthIsCurrent(epoch: healthEpoch, of: recentAddresses[node])
      else { return nil }
      clusters[slot].readingCoversResolution = recentSerials[node]
    }
    guard clusters[slot].healthIsOf(epoch: healthEpoch), clusters[slot].allUsable(at: now),
      let pick = clusters[slot].cursor.next(count: recentAddresses[node].count)
    else { return nil }
    return recentAddresses[node][pick]
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
    if node >= recentRevisions.count {
      let missing = node + 1 - recentRevisions.count
      recentRevisions.append(contentsOf: repeatElement(-1, count: missing))
      recentExpiries.append(contentsOf: repeatElement(.zero, count: missing))
      recentAddresses.append(contentsOf: repeatElement([], count: missing))
      recentSerials.append(contentsOf: repeatElement(-1, count: missing))
    }
    recentSerials[node] = nextSerial
    nextSerial += 1
    recentRevisions[node] = revision
    recentExpiries[node] = resolution.expires
    recentAddresses[node] = resolution.addresses
  }
}
