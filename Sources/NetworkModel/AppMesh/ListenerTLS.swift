import ScenarioFormat

/// TLS termination on a listener: the mode, the certificate served and, for mutual TLS, the
/// validation of client certificates (AWS behaviour §1.9).
public struct ListenerTLS: Sendable {
  public var mode: MeshTLSSpec.Mode
  public var certificate: MeshTLSSpec.Certificate
  /// Present when the listener requires and verifies client certificates.
  public var validation: TLSValidation?

  public init(
    mode: MeshTLSSpec.Mode, certificate: MeshTLSSpec.Certificate, validation: TLSValidation?
  ) {
    self.mode = mode
    self.certificate = certificate
    self.validation = validation
  }
}
