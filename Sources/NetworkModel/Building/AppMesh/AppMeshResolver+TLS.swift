import ScenarioFormat

extension AppMeshResolver {
  /// Listener TLS: a mode, exactly one certificate, and an optional validation context whose
  /// trust is exactly one of file or SDS (AWS behaviour §1.9).
  func resolveListenerTLS(_ spec: MeshTLSSpec.Listener) -> ListenerTLS? {
    guard let mode = spec.mode else { return nil }
    guard spec.certificates.count == 1, let certificate = spec.certificates.first else {
      error(
        "model.exactly-one-of", "a listener certificate is exactly one of acm, file or sds",
        at: field(spec.source, "certificate"))
      return nil
    }
    let validation = spec.validation.flatMap { resolveValidation($0) }
    return ListenerTLS(mode: mode, certificate: certificate, validation: validation)
  }

  /// A client policy: validation required; the client certificate (mTLS) is file or SDS.
  func resolveClientPolicy(_ spec: MeshTLSSpec.ClientPolicy) -> ClientTLSPolicy? {
    guard let validationSpec = spec.validation, let validation = resolveValidation(validationSpec)
    else { return nil }
    if spec.certificates.count > 1 {
      error(
        "model.exactly-one-of", "a client certificate is exactly one of file or sds",
        at: field(spec.source, "certificate"))
    }
    return ClientTLSPolicy(
      enforce: spec.enforce, ports: spec.ports, validation: validation,
      certificate: spec.certificates.first)
  }

  /// A validation context: exactly one trust; its authorities come from `appMesh.certificates`.
  func resolveValidation(_ spec: MeshTLSSpec.Validation) -> TLSValidation? {
    guard spec.trusts.count == 1, let trust = spec.trusts.first else {
      error(
        "model.exactly-one-of", "trust is exactly one of acm, file or sds",
        at: field(spec.source, "trust"))
      return nil
    }
    if let names = spec.subjectAlternativeNames, names.isEmpty {
      error(
        "schema.value-out-of-range", "subjectAlternativeNames.match.exact needs at least one name",
        at: field(spec.source, "subjectAlternativeNames"))
    }
    let label: String
    switch trust {
    case .acm(let arns): label = "ACM PCA " + arns.joined(separator: ", ")
    case .file(let path): label = "file \(path)"
    case .sds(let name): label = "SDS secret \(name)"
    }
    return TLSValidation(
      trustedAuthorities: certificates.authorities(of: trust),
      subjectAlternativeNames: spec.subjectAlternativeNames, trustLabel: label)
  }
}
