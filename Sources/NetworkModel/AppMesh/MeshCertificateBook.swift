import ScenarioFormat

/// What MeshSim knows about the certificates App Mesh specs refer to (`appMesh.certificates`).
///
/// A certificate nobody described is assumed valid for the name it is served under and issued
/// by an authority no trust store names — so it works without a client policy (App Mesh then
/// accepts any certificate) and fails any explicit trust (AWS behaviour §1.9).
public struct MeshCertificateBook: Sendable {
  public var entries: [MeshCertificateSpec] = []

  public init(entries: [MeshCertificateSpec] = []) { self.entries = entries }

  /// The description of `certificate`, if the scenario gives one.
  public func entry(for certificate: MeshTLSSpec.Certificate) -> MeshCertificateSpec? {
    entries.first { $0.reference == certificate }
  }

  /// The authority that signed a leaf certificate.
  public func issuer(of certificate: MeshTLSSpec.Certificate) -> String? {
    entry(for: certificate)?.issuer
  }

  /// The SANs of a leaf certificate; nil when not described (valid for its own name).
  public func subjectAlternativeNames(of certificate: MeshTLSSpec.Certificate) -> [String]? {
    entry(for: certificate)?.subjectAlternativeNames
  }

  /// The authorities a trust anchor stands for: a described CA file or secret lists them; an
  /// undescribed one stands for itself; ACM trust names PCA ARNs directly.
  public func authorities(of trust: MeshTLSSpec.Trust) -> [String] {
    switch trust {
    case .acm(let arns):
      return arns
    case .file(let path):
      let described = entry(for: .file(path))?.authorities ?? []
      return described.isEmpty ? [path] : described
    case .sds(let name):
      let described = entry(for: .sds(name))?.authorities ?? []
      return described.isEmpty ? [name] : described
    }
  }
}
