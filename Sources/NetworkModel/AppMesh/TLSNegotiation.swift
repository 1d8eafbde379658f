import ScenarioFormat

/// Decides TLS between a client and a virtual node or gateway listener, following App Mesh's
/// rules (AWS behaviour §1.9, §7 items 21–22):
///
/// * an enforced client policy whose ports include the listener's port makes the client insist
///   on TLS and verify the server certificate against its trust (issuer) and SANs (the explicit
///   list, else the server's discovery name);
/// * without one the server decides: STRICT or PERMISSIVE ⇒ TLS; a file or SDS certificate is
///   accepted whatever it is, an ACM certificate is verified against the root CA of its own
///   chain (always trusted) and so must name the server's discovery name; DISABLED ⇒ plaintext;
/// * a listener `validation` requires a client certificate issued by a trusted authority (and
///   with a listed SAN, when SANs are given); only a client policy can present one.
public enum TLSNegotiation {
  /// A mesh client (an Envoy sidecar or gateway) connecting to a mesh listener.
  public static func negotiate(
    client: ClientTLSPolicy?, port: Int, server: ListenerTLS?, serverNames: [String],
    clientNames: [String],
    certificates: MeshCertificateBook
  ) -> TLSHandshake {
    let policy = client.flatMap { $0.applies(toPort: port) ? $0 : nil }
    guard let server, server.mode != .disabled else {
      if policy != nil {
        return .failed(
          "the client policy requires TLS but the listener on port \(port) does not terminate TLS")
      }
      return .plaintext
    }
    var verified = false
    if let policy {
      if let problem = verify(
        server.certificate, against: policy.validation, expectedNames: serverNames,
        certificates: certificates, role: "server")
      {
        return .failed(problem)
      }
      verified = true
    } else if case .acm = server.certificate {
      if let problem = nameProblem(
        server.certificate, required: nil, expectedNames: serverNames, certificates: certificates,
        role: "server")
      {
        return .failed(problem + " (ACM certificates are verified even without a client policy)")
      }
      verified = true
    }
    guard let required = server.validation else { return .tls(verified: verified, mutual: false) }
    guard let presented = policy?.certificate else {
      return .failed(
        "the listener on port \(port) requires a client certificate and the client presents none")
    }
    if let problem = verify(
      presented, against: required, expectedNames: clientNames, certificates: certificates,
      role: "client")
    {
      return .failed(problem)
    }
    return .tls(verified: verified, mutual: true)
  }

  /// A client outside the mesh (an application, a load balancer) connecting with or without TLS.
  public static func nonMeshClient(usesTLS: Bool, server: ListenerTLS?) -> TLSHandshake {
    guard let server, server.mode != .disabled else {
      return usesTLS ? .failed("TLS sent to a listener that does not terminate TLS") : .plaintext
    }
    if !usesTLS {
      return server.mode == .strict
        ? .failed("plaintext sent to a STRICT TLS listener") : .plaintext
    }
    if server.validation != nil {
      return .failed("the listener requires a client certificate and the client presents none")
    }
    return .tls(verified: false, mutual: false)
  }

  /// Why `certificate` fails `validation`, or nil when it passes.
  static func verify(
    _ certificate: MeshTLSSpec.Certificate, against validation: TLSValidation,
    expectedNames: [String],
    certificates: MeshCertificateBook, role: String
  ) -> String? {
    let issuer = certificates.issuer(of: certificate)
    guard let issuer, validation.trustedAuthorities.contains(issuer) else {
      let from = issuer.map { "issued by '\($0)'" } ?? "from an unknown issuer"
      return
        "CERTIFICATE_VERIFY_FAILED: the \(role) certificate (\(certificate.label)) is \(from), not trusted by \(validation.trustLabel)"
    }
    return nameProblem(
      certificate, required: validation.subjectAlternativeNames, expectedNames: expectedNames,
      certificates: certificates, role: role)
  }

  /// Why `certificate` does not carry a required SAN (the explicit list `required`, else one
  /// matching `expectedNames`), or nil when it does.
  static func nameProblem(
    _ certificate: MeshTLSSpec.Certificate, required: [String]?, expectedNames: [String],
    certificates: MeshCertificateBook, role: String
  ) -> String? {
    let sans = certificates.subjectAlternativeNames(of: certificate)
    if let required {
      let offered = (sans ?? expectedNames).map { $0.lowercased() }
      guard required.contains(where: { offered.contains($0.lowercased()) }) else {
        return
          "CERTIFICATE_VERIFY_FAILED: SAN mismatch — the \(role) certificate is for \(offered.joined(separator: ", ")), the policy accepts \(required.joined(separator: ", "))"
      }
      return nil
    }
    guard let sans else { return nil }
    guard
      expectedNames.isEmpty
        || expectedNames.contains(where: { name in sans.contains { sanMatches($0, name) } })
    else {
      return
        "CERTIFICATE_VERIFY_FAILED: SAN mismatch — the \(role) certificate is for \(sans.joined(separator: ", ")), the connection is to \(expectedNames.joined(separator: ", "))"
    }
    return nil
  }

  /// DNS-style SAN matching: `*.apps.local` covers exactly one more label.
  public static func sanMatches(_ san: String, _ name: String) -> Bool {
    let san = san.lowercased()
    let name = name.lowercased()
    if san == name { return true }
    guard san.hasPrefix("*.") else { return false }
    let suffix = san.dropFirst(1)
    guard name.hasSuffix(suffix) else { return false }
    let label = name.dropLast(suffix.count)
    return !label.isEmpty && !label.contains(".")
  }
}
