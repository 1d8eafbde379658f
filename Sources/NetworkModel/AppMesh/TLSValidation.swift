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
