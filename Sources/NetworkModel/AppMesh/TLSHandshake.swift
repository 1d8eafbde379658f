/// The outcome of a TLS negotiation between a client and a listener.
public enum TLSHandshake: Sendable, Equatable {
  /// No TLS on this connection.
  case plaintext
  /// TLS; `verified` when the client checked the server certificate, `mutual` when the client
  /// presented a certificate the server checked.
  case tls(verified: Bool, mutual: Bool)
  /// The handshake fails (Envoy: `upstream connect error … reset reason: connection failure`).
  case failed(String)

  /// Whether the connection can carry requests.
  public var succeeded: Bool {
    if case .failed = self { return false }
    return true
  }
}
