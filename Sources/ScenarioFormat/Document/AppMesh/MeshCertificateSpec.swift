/// What is inside a certificate an App Mesh spec refers to (MeshSim-only, `appMesh.certificates`).
///
/// App Mesh names certificates by file path, ACM certificate ARN or SDS secret name; whether a
/// handshake succeeds depends on who issued them and on their subject alternative names, which
/// only the certificate itself says. A leaf certificate gives `issuer` and
/// `subjectAlternativeNames`; a CA certificate or bundle (what `trust` points at) gives the
/// `authorities` it contains. Example:
/// `{"file": "/keys/colorteller_white_cert_chain.pem", "issuer": "ca-1",
///   "subjectAlternativeNames": ["colorteller.howto-tls.local"]}` and
/// `{"file": "/keys/ca_1_ca_2_bundle.pem", "authorities": ["ca-1", "ca-2"]}`.
public struct MeshCertificateSpec: Sendable {
  /// The file path, ACM ARN or SDS secret name the App Mesh spec uses.
  public var reference: MeshTLSSpec.Certificate
  /// The authority that signed a leaf certificate (a CA name, CA file path or ACM PCA ARN).
  public var issuer: String?
  /// The names a leaf certificate is valid for; nil = valid for the name it is served under.
  public var subjectAlternativeNames: [String]?
  /// The authorities a CA certificate or bundle contains.
  public var authorities: [String]
  public var source: SourceRef

  public init(
    reference: MeshTLSSpec.Certificate, issuer: String?, subjectAlternativeNames: [String]?,
    authorities: [String], source: SourceRef
  ) {
    self.reference = reference
    self.issuer = issuer
    self.subjectAlternativeNames = subjectAlternativeNames
    self.authorities = authorities
    self.source = source
  }
}
