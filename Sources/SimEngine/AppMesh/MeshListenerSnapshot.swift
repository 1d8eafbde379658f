import NetworkModel
import ScenarioFormat
import SimKernel

/// What an Envoy's inbound listener (a sidecar's ingress or a virtual gateway's) reads on every
/// request from its App Mesh listener, taken once per configuration revision: whether the
/// listener exists, its TLS and the handshake a client outside the mesh gets with plaintext and
/// with TLS (AWS behaviour §1.9), its connection pool, protocol and per-request timeout.
struct MeshListenerSnapshot {
  let exists: Bool
  let tls: ListenerTLS?
  let plaintextHandshake: TLSHandshake
  let tlsHandshake: TLSHandshake
  let connectionPool: ConnectionPoolLimits?
  let protocolName: AppMeshProtocol
  let perRequestTimeout: SimDuration

  init(_ listener: MeshListener?) {
    exists = listener != nil
    tls = listener?.tls
    plaintextHandshake = TLSNegotiation.nonMeshClient(usesTLS: false, server: tls)
    tlsHandshake = TLSNegotiation.nonMeshClient(usesTLS: true, server: tls)
    connectionPool = listener?.connectionPool
    protocolName = listener?.protocolName ?? .http
    perRequestTimeout = listener?.perRequestTimeout ?? .zero
  }

  /// The handshake with a client outside the mesh that sends TLS (`https`) or plaintext.
  @inline(__always)
  func handshake(usesTLS: Bool) -> TLSHandshake { usesTLS ? tlsHandshake : plaintextHandshake }

  /// The trace's description of the listener's TLS mode (empty without TLS).
  var tlsLabel: String { tls.map { " (TLS \($0.mode.rawValue))" } ?? "" }
}
