import ScenarioFormat

/// A client policy's TLS part: TLS origination towards backends (AWS behaviour §1.9).
public struct ClientTLSPolicy: Sendable {
  /// `enforce` (default true): only an enforced policy drives the handshake.
  public var enforce: Bool
  /// Ports the policy applies to; empty = all.
  public var ports: [Int]
  public var validation: TLSValidation
  /// The client certificate presented for mutual TLS (file or SDS).
  public var certificate: MeshTLSSpec.Certificate?

  public init(
    enforce: Bool, ports: [Int], validation: TLSValidation, certificate: MeshTLSSpec.Certificate?
  ) {
    self.enforce = enforce
    self.ports = ports
    self.validation = validation
    self.certificate = certificate
  }

  /// Whether the policy governs a connection to `port`.
  public func applies(toPort port: Int) -> Bool {
    enforce && (ports.isEmpty || ports.contains(port))
  }
}
