import NetworkModel
import SimKernel

/// One upstream cluster of an App Mesh Envoy — a virtual node's listener on one port — as the
/// Envoy balances over it: its round-robin position, outlier detection and what active health
/// checks said of its endpoints when last read, plus what attempts to it read of the
/// configuration (see `attemptFactsHold`).
///
/// A class, owned by its `EnvoyClusterState` for the Envoy's life, so that an attempt works on
/// the fields in place: no copy-on-write check of a cluster array, no bounds check per field.
final class EnvoyCluster {
  /// The resolution of the node's DNS hostname this Envoy last found (shared by the node's
  /// clusters), held unretained so that reading it retains nothing: the state owns it for the
  /// Envoy's whole life.
  private let recentResolution: Unmanaged<EnvoyClusterState.RecentResolution>
  var resolution: EnvoyClusterState.RecentResolution { recentResolution.takeUnretainedValue() }
  var cursor = RoundRobinCursor()
  var outliers = OutlierDetector()
  var health: EnvoyClusterState.HealthReading? {
    didSet { readingCoversResolution = -1 }
  }
  /// The serial of the resolution (`resolution.serial`) whose addresses `health` is known to be
  /// a reading of, -1 when none is.
  private var readingCoversResolution = -1

  /// The key of the attempt facts: the configuration revision, the client policy (the revision
  /// of the facts it is in, and its index there; -1 none) and the Envoy listener actor.
  private var attemptRevision = -1
  private var attemptPolicyRevision = -1
  private var attemptPolicy = -1
  private var attemptOwner: Int32 = -1
  /// Whether the target listener detects outliers, for that key.
  private(set) var attemptDetectsOutliers = false
  /// The TLS handshake of an attempt for that key, as a code.
  private(set) var attemptHandshakeCode = HandshakeSlots.Code.none
  /// The handshake itself (read for traced requests and failed handshakes only).
  private(set) var attemptHandshake = TLSHandshake.plaintext

  init(resolution: EnvoyClusterState.RecentResolution) {
    recentResolution = .passUnretained(resolution)
  }

  /// Whether the health reading was taken at `epoch` of exactly `addresses`.
  func healthIsCurrent(epoch: Int, of addresses: [UInt32]) -> Bool {
    health?.epoch == epoch && health?.addresses == addresses
  }

  /// Whether every host is usable at `now`: the health reading says each passes and outlier
  /// detection ejects none.
  func allUsable(at now: SimTime) -> Bool {
    health?.allHealthy == true && !outliers.mayEject(at: now)
  }

  /// The endpoint round robin picks next, when the common case decides it without building
  /// anything: the node's remembered resolution holds at configuration revision `revision` and
  /// `now` (see `EnvoyClusterState.recentAddresses`) and is not empty, the health reading was
  /// taken at `healthEpoch` of exactly those addresses, and every one of them is usable at `now`.
  /// Then this is what `EnvoyProxyActor.chooseEndpoint` picks among them, with the same cursor
  /// step; nil (nothing changed, no cursor step) when the case is not the common one.
  @inline(__always)
  func quickPick(revision: Int, healthEpoch: Int, at now: SimTime) -> UInt32? {
    recentResolution._withUnsafeGuaranteedRef { resolution in
      guard resolution.holds(revision: revision, at: now) else { return nil }
      // Whether the reading is of these very addresses is found out once per reading and resolution.
      if readingCoversResolution != resolution.serial {
        guard !resolution.addresses.isEmpty, healthIsCurrent(epoch: healthEpoch, of: resolution.addresses)
        else { return nil }
        readingCoversResolution = resolution.serial
      }
      guard health?.epoch == healthEpoch, allUsable(at: now),
        let pick = cursor.next(count: resolution.addresses.count)
      else { return nil }
      return resolution.addresses[pick]
    }
  }

  /// Whether the attempt facts were decided at configuration revision `revision` for client
  /// policy `clientPolicy` (its revision and index in that revision's
  /// `MeshRevisionFacts.clientPolicies`, -1: none) and Envoy listener actor `owner`.
  func attemptFactsHold(revision: Int, clientPolicy: (revision: Int, index: Int), owner: Int32) -> Bool {
    attemptRevision == revision && attemptOwner == owner && attemptPolicy == clientPolicy.index
      && (clientPolicy.index < 0 || attemptPolicyRevision == clientPolicy.revision)
  }

  /// Stores the attempt facts for the key of `attemptFactsHold`.
  func storeAttemptFacts(
    revision: Int, clientPolicy: (revision: Int, index: Int), owner: Int32,
    listener: MeshRevisionFacts.NodeListener?, handshake: TLSHandshake
  ) {
    attemptRevision = revision
    attemptPolicyRevision = clientPolicy.revision
    attemptPolicy = clientPolicy.index
    attemptOwner = owner
    attemptDetectsOutliers = listener?.detectsOutliers == true
    attemptHandshakeCode = HandshakeSlots.Code(handshake)
    attemptHandshake = handshake
  }
}
