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
  var head: RequestHead
  var target: MeshRoute.Target?
  var passthrough: (address: UInt32, port: Int)?
  var clientPolicy: MeshRevisionFacts.ClientPolicy?
  var policy: MeshRetryPolicy?
  var attempt = 0
  var deadline: SimTime?
  /// The disposition of the current attempt's connection when its packets were dropped.
  var droppedDisposition: Disposition?
  var endpoint: UInt32 = 0
  /// The facts of the target node listener as of configuration revision `targetListenerRevision`
  /// (read when an attempt starts, reused when it finishes under the same revision).
  var targetListener: MeshRevisionFacts.NodeListener?
  var targetListenerRevision = -1

  /// An unused call (its slot has had no call yet).
  init() {
    head = RequestHead(method: "", scheme: "", host: "", port: 0, path: "")
  }

  /// Makes this object the new call for its slot's exchange.
  func start(
    owner: Int32, generation: UInt32, head: consuming RequestHead, target: MeshRoute.Target?,
    passthrough: (address: UInt32, port: Int)?, clientPolicy: MeshRevisionFacts.ClientPolicy?,
    policy: MeshRetryPolicy?
  ) {
    isActive = true
    self.owner = owner
    self.generation = generation
    self.head = head
    self.target = target
    self.passthrough = passthrough
    self.clientPolicy = clientPolicy
    self.policy = policy
    attempt = 0
    deadline = nil
    droppedDisposition = nil
    endpoint = 0
    targetListenerRevision = -1
  }
}
