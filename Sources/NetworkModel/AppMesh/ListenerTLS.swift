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

/// A resolved validation context: the authorities trusted and the SANs accepted.
public struct TLSValidation: Sendable {
  /// Issuers whose certificates are trusted (CA names, CA file paths, ACM PCA ARNs).
  public var trustedAuthorities: [String]
  /// Names one of the peer certificate's SANs must equal; nil = the peer's discovery name.
  public var subjectAlternativeNames: [String]?
  /// How explanations name the trust (`file /keys/ca_1_cert.pem`).
  public var trustLabel: String

  public init(trustedAuthorities: [String], subjectAlternativeNames: [String]?, trustLabel: String)
  {
    self.trustedAuthorities = trustedAuthorities
    self.subjectAlternativeNames = subjectAlternativeNames
    self.trustLabel = trustLabel
  }
}

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
