import ScenarioFormat

/// A virtual node: the logical service an Envoy sidecar represents — its listeners, how its
/// endpoints are discovered, which virtual services it may call and with which client policy
/// (AWS behaviour §1.5).
public struct VirtualNode: Sendable {
  /// A declared backend: a virtual service (index) and its own client policy, if any.
  public struct Backend: Sendable {
    public var service: Int
    public var clientPolicy: ClientTLSPolicy?
    public var source: SourceRef
  }
  public var name: String
  public var mesh: Int
  public var listeners: [MeshListener]
  /// nil for an egress-only node (no listener, nothing to discover).
  public var discovery: MeshServiceDiscovery?
  public var backends: [Backend]
  public var backendDefaults: ClientTLSPolicy?
  public var source: SourceRef

  /// The listener on `port`, if any.
  public func listener(port: Int) -> MeshListener? { listeners.first { $0.port == port } }

  /// Whether the node declares `service` as a backend.
  public func declares(_ service: Int) -> Bool { backends.contains { $0.service == service } }

  /// The client policy for calls to `service`: the backend's own, else the defaults.
  public func clientPolicy(for service: Int) -> ClientTLSPolicy? {
    backends.first { $0.service == service }?.clientPolicy ?? backendDefaults
  }
}
