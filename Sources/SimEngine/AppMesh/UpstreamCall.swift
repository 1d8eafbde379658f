import NetworkModel
import RouteMatching
import SimKernel

/// One request an App Mesh Envoy is sending upstream on behalf of a downstream exchange: the
/// request head as rewritten for the upstream, the target node listener (or the passthrough
/// destination), the client TLS policy, the retry policy and the progress of its attempts.
///
/// The control plane keeps one object per downstream exchange slot (`calls`) and reuses it for
/// the next call made for that slot, so that a request allocates nothing and the attempts update
/// the call in place.
final class UpstreamCall {
  /// Whether the call is under way (false once answered, and before the first use).
  var isActive = false
  /// The Envoy actor making the call.
  var owner: Int32 = -1
  /// The downstream exchange's generation when the call started.
  var generation: UInt32 = 0
  /// The request head as rewritten for the upstream, while the call waits for its next attempt
  /// (nil while an attempt is under way: that attempt's exchange holds the head, which is moved
  /// there rather than copied).
  var head: RequestHead?
  /// A copy of the head, kept while an attempt that the retry policy may retry is under way: the
  /// retry sends it again. The attempt's exchange cannot be asked for its head afterwards, because
  /// the hop upstream may have passed that head on by a move (an NLB to its target, an Envoy
  /// ingress to its application: `World.connect(…forwardingHeadOf:…)`), leaving the exchange a
  /// stale head.
  var retryHead: RequestHead?
  var target: MeshRoute.Target?
  var passthrough: (address: UInt32, port: Int)?
  /// The call's client TLS policy, an index in `facts.clientPolicies` (-1: none).
  private(set) var clientPolicy = -1
  /// The facts of the configuration revision the call started under, which hold its retry and
  /// client policies.
  private(set) var facts: MeshRevisionFacts?
  /// That configuration revision (with `clientPolicy`, it names one policy of one revision).
  private(set) var revision = -1
  /// The call's retry policy, an index in `facts.retryPolicies` (-1: none).
  private(set) var retryPolicy = -1
  var attempt = 0
  var deadline: SimTime?
  /// The disposition of the current attempt's connection when its packets were dropped.
  var droppedDisposition: Disposition?
  var endpoint: UInt32 = 0
  /// Whether the target node listener detects outliers, as of configuration revision
  /// `targetListenerRevision` (read when an attempt starts, reused when it finishes under the
  /// same revision).
  var targetDetectsOutliers = false
  var targetListenerRevision = -1

  /// An unused call (its slot has had no call yet).
  init() {}

  /// Makes this object the new call for its slot's exchange (`facts`: the current revision's,
  /// which the caller holds while this runs), with no head yet: the caller hands its head to the
  /// first attempt, or stores it in `head` for `EnvoyProxyActor.startAttempt(_:of:in:)`.
  func start(
    owner: Int32, generation: UInt32, target: MeshRoute.Target?,
    passthrough: (address: UInt32, port: Int)?, clientPolicy: Int,
    facts: Unmanaged<MeshRevisionFacts>, revision: Int, retryPolicy: Int
  ) {
    isActive = true
    self.owner = owner
    self.generation = generation
    // Nearly always nil already (the previous call's last attempt took it).
    if self.head != nil { self.head = nil }
    if self.retryHead != nil { self.retryHead = nil }
    self.target = target
    self.passthrough = passthrough
    self.clientPolicy = clientPolicy
    // The slot's previous call nearly always had the same revision: keeping the reference then
    // costs no retain and release.
    facts._withUnsafeGuaranteedRef { if self.facts !== $0 { self.facts = $0 } }
    self.revision = revision
    self.retryPolicy = retryPolicy
    attempt = 0
    deadline = nil
    droppedDisposition = nil
    endpoint = 0
    targetListenerRevision = -1
  }

  /// The call's client TLS policy, nil when it has none.
  var clientPolicyValue: ClientTLSPolicy? {
    guard clientPolicy >= 0, let facts else { return nil }
    return facts.clientPolicies[clientPolicy]
  }

  /// The timeout of each attempt under the call's retry policy, nil when it sets none.
  var perRetryTimeout: SimDuration? {
    guard retryPolicy >= 0, let facts else { return nil }
    return facts.retryPolicies[retryPolicy].perRetryTimeout
  }

  /// Whether the retry policy allows another attempt after the current one (whatever it ends
  /// with): `retries(status:connectFailure:)` can then be true.
  var mayRetry: Bool {
    guard retryPolicy >= 0, let facts else { return false }
    return facts.retryPolicies[retryPolicy].allowsRetry(after: attempt)
  }

  /// Whether the retry policy retries the current attempt, which ended with `status`
  /// (`MeshRetryPolicy.allowsRetry(after:)` and `retries(status:connectFailure:)`).
  @inline(__always)
  func retries(status: Int, connectFailure: Bool) -> Bool {
    guard retryPolicy >= 0, let facts else { return false }
    return facts.retryPolicies[retryPolicy].allowsRetry(after: attempt)
      && facts.retryPolicies[retryPolicy].retries(status: status, connectFailure: connectFailure)
  }

  /// The call's retry policy (a copy, for notes).
  var retryPolicyValue: MeshRetryPolicy? {
    guard retryPolicy >= 0, let facts else { return nil }
    return facts.retryPolicies[retryPolicy]
  }
}
