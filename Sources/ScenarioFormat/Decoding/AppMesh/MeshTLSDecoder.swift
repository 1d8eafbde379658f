import Diagnostics

/// Decodes App Mesh TLS shapes: listener TLS, client policies, validation contexts, and the
/// MeshSim-only certificate descriptions of `appMesh.certificates`.
enum MeshTLSDecoder {
  /// `ListenerTls`: `mode`, `certificate` (acm | file | sds), optional `validation`.
  static func listenerTLS(_ r: ObjectReader) -> MeshTLSSpec.Listener {
    let mode = r.enumValue("mode", MeshTLSSpec.Mode.self, required: true)
    var certificates: [MeshTLSSpec.Certificate] = []
    if let certificate = r.object("certificate", required: true, what: "listener certificate") {
      certificates = self.certificates(certificate, allowACM: true)
      certificate.finish()
    }
    let validation = r.object("validation", what: "listener validation").map {
      reader -> MeshTLSSpec.Validation in
      defer { reader.finish() }
      return self.validation(reader, allowACM: false)
    }
    return MeshTLSSpec.Listener(
      mode: mode, certificates: certificates, validation: validation, source: SourceRef(r.node))
  }

  /// The certificate union; ACM certificates only where the API takes them (not client certs).
  static func certificates(_ r: ObjectReader, allowACM: Bool) -> [MeshTLSSpec.Certificate] {
    var result: [MeshTLSSpec.Certificate] = []
    if allowACM, let acm = r.object("acm", what: "acm certificate") {
      if let arn = acm.string("certificateArn", required: true) { result.append(.acm(arn)) }
      acm.finish()
    }
    if let file = r.object("file", what: "file certificate") {
      let chain = file.string("certificateChain", required: true)
      _ = file.string("privateKey", required: true)
      if let chain { result.append(.file(chain)) }
      file.finish()
    }
    if let sds = r.object("sds", what: "sds certificate") {
      if let name = sds.string("secretName", required: true) { result.append(.sds(name)) }
      sds.finish()
    }
    return result
  }

  /// A validation context: `trust` (required) and `subjectAlternativeNames.match.exact`.
  static func validation(_ r: ObjectReader, allowACM: Bool) -> MeshTLSSpec.Validation {
    var trusts: [MeshTLSSpec.Trust] = []
    if let trust = r.object("trust", required: true, what: "trust") {
      if allowACM, let acm = trust.object("acm", what: "acm trust") {
        if let arns = acm.stringArray("certificateAuthorityArns", required: true) {
          if arns.isEmpty || arns.count > 3, let node = acm.node("certificateAuthorityArns") {
            r.context.error(
              .schemaValueOutOfRange, "certificateAuthorityArns takes 1 to 3 ARNs", at: node)
          }
          trusts.append(.acm(arns))
        }
        acm.finish()
      }
      if let file = trust.object("file", what: "file trust") {
        if let chain = file.string("certificateChain", required: true) {
          trusts.append(.file(chain))
        }
        file.finish()
      }
      if let sds = trust.object("sds", what: "sds trust") {
        if let name = sds.string("secretName", required: true) { trusts.append(.sds(name)) }
        sds.finish()
      }
      trust.finish()
    }
    var names: [String]?
    if let sans = r.object("subjectAlternativeNames", what: "subjectAlternativeNames") {
      if let match = sans.object("match", required: true, what: "subjectAlternativeNames match") {
        names = match.stringArray("exact", required: true)
        match.finish()
      }
      sans.finish()
    }
    return MeshTLSSpec.Validation(
      trusts: trusts, subjectAlternativeNames: names, source: SourceRef(r.node))
  }

  /// `backendDefaults` / backend `clientPolicy` container: `{ "clientPolicy": { "tls": … } }`.
  static func clientPolicyContainer(_ r: ObjectReader) -> MeshTLSSpec.ClientPolicy? {
    guard let policy = r.object("clientPolicy", what: "clientPolicy") else { return nil }
    defer { policy.finish() }
    return clientPolicy(policy)
  }

  /// `ClientPolicy`: its `tls` member (`enforce`, `ports`, `validation`, `certificate`).
  static func clientPolicy(_ r: ObjectReader) -> MeshTLSSpec.ClientPolicy? {
    guard let tls = r.object("tls", what: "client policy tls") else { return nil }
    defer { tls.finish() }
    let enforce = tls.bool("enforce") ?? true
    var ports: [Int] = []
    if let list = tls.array("ports") {
      ports = list.compactMap { tls.int($0, what: "element of 'ports'", range: 1...65535) }
    }
    let validation = tls.object("validation", required: true, what: "client policy validation").map
    {
      reader -> MeshTLSSpec.Validation in
      defer { reader.finish() }
      return self.validation(reader, allowACM: true)
    }
    var certificates: [MeshTLSSpec.Certificate] = []
    if let certificate = tls.object("certificate", what: "client certificate") {
      certificates = self.certificates(certificate, allowACM: false)
      certificate.finish()
    }
    return MeshTLSSpec.ClientPolicy(
      enforce: enforce, ports: ports, validation: validation, certificates: certificates,
      source: SourceRef(tls.node))
  }

  /// One MeshSim-only `appMesh.certificates` entry: exactly one of `file`, `certificateArn`,
  /// `secretName`, then `issuer`/`subjectAlternativeNames` (a leaf) or `authorities` (a CA).
  static func certificateDescription(_ r: ObjectReader) -> MeshCertificateSpec? {
    var references: [MeshTLSSpec.Certificate] = []
    if let file = r.string("file") { references.append(.file(file)) }
    if let arn = r.string("certificateArn") { references.append(.acm(arn)) }
    if let secret = r.string("secretName") { references.append(.sds(secret)) }
    let issuer = r.string("issuer")
    let names = r.stringArray("subjectAlternativeNames")
    let authorities = r.stringArray("authorities") ?? []
    _ = r.string("description")
    guard references.count == 1, let reference = references.first else {
      r.context.error(
        .schemaInvalidValue,
        "a certificate entry needs exactly one of 'file', 'certificateArn' or 'secretName'",
        at: r.node, hint: "it names the certificate as the App Mesh specs refer to it")
      return nil
    }
    return MeshCertificateSpec(
      reference: reference, issuer: issuer, subjectAlternativeNames: names,
      authorities: authorities, source: SourceRef(r.node))
  }
}
