import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

/// TLS between a client Envoy and a listener (AWS behaviour §1.9, §7 items 21–22).
@Suite struct TLSNegotiationTests {
  static let here = SourceRef(
    location: SourceLocation(file: "t", line: 1, column: 1), jsonPath: .init())
  static let book = MeshCertificateBook(entries: [
    MeshCertificateSpec(
      reference: .file("/keys/server.pem"), issuer: "ca-1", subjectAlternativeNames: ["b.local"],
      authorities: [], source: here),
    MeshCertificateSpec(
      reference: .file("/keys/wild.pem"), issuer: "ca-1", subjectAlternativeNames: ["*.apps.local"],
      authorities: [], source: here),
    MeshCertificateSpec(
      reference: .file("/keys/client.pem"), issuer: "ca-1", subjectAlternativeNames: ["gw.local"],
      authorities: [], source: here),
    MeshCertificateSpec(
      reference: .file("/keys/ca.pem"), issuer: nil, subjectAlternativeNames: nil,
      authorities: ["ca-1"], source: here),
    MeshCertificateSpec(
      reference: .acm("arn:aws:acm:us-east-1:111122223333:certificate/b"), issuer: "arn:pca",
      subjectAlternativeNames: ["b.local"], authorities: [], source: here),
  ])

  static func acmListener(_ arn: String = "arn:aws:acm:us-east-1:111122223333:certificate/b")
    -> ListenerTLS
  {
    ListenerTLS(mode: .strict, certificate: .acm(arn), validation: nil)
  }

  static func listener(
    _ mode: MeshTLSSpec.Mode, _ cert: String = "/keys/server.pem", clientSANs: [String]? = nil,
    requireClientCertificate: Bool = false
  ) -> ListenerTLS {
    ListenerTLS(
      mode: mode, certificate: .file(cert),
      validation: requireClientCertificate
        ? TLSValidation(
          trustedAuthorities: ["ca-1"], subjectAlternativeNames: clientSANs,
          trustLabel: "file /keys/ca.pem")
        : nil)
  }

  static func policy(
    sans: [String]? = nil, trust: [String] = ["ca-1"], enforce: Bool = true, ports: [Int] = [],
    certificate: String? = nil
  ) -> ClientTLSPolicy {
    ClientTLSPolicy(
      enforce: enforce, ports: ports,
      validation: TLSValidation(
        trustedAuthorities: trust, subjectAlternativeNames: sans, trustLabel: "trust"),
      certificate: certificate.map { .file($0) })
  }

  static func negotiate(
    _ client: ClientTLSPolicy?, _ server: ListenerTLS?, port: Int = 8080,
    names: [String] = ["b.local"]
  )
    -> TLSHandshake
  {
    TLSNegotiation.negotiate(
      client: client, port: port, server: server, serverNames: names, clientNames: ["gw.local"],
      certificates: book)
  }

  @Test func item21WithoutAClientPolicyTheServerDecides() {
    #expect(Self.negotiate(nil, Self.listener(.strict)) == .tls(verified: false, mutual: false))
    #expect(Self.negotiate(nil, Self.listener(.permissive)) == .tls(verified: false, mutual: false))
    #expect(Self.negotiate(nil, Self.listener(.disabled)) == .plaintext)
    #expect(Self.negotiate(nil, nil) == .plaintext)
  }

  @Test func item21WithoutAClientPolicyAFileCertificateIsNotVerified() {
    #expect(
      Self.negotiate(nil, Self.listener(.strict), names: ["other.local"])
        == .tls(verified: false, mutual: false))
  }

  @Test func item21WithoutAClientPolicyAnACMCertificateIsVerifiedAgainstItsRoot() {
    #expect(Self.negotiate(nil, Self.acmListener()) == .tls(verified: true, mutual: false))
    #expect(!Self.negotiate(nil, Self.acmListener(), names: ["other.local"]).succeeded)
    // An undescribed ACM certificate is valid for the name it is served under.
    #expect(
      Self.negotiate(nil, Self.acmListener("arn:aws:acm:us-east-1:1:certificate/x"))
        == .tls(verified: true, mutual: false))
  }

  @Test func item21PermissiveAcceptsPlaintextStrictDoesNot() {
    #expect(
      TLSNegotiation.nonMeshClient(usesTLS: false, server: Self.listener(.permissive)) == .plaintext
    )
    #expect(!TLSNegotiation.nonMeshClient(usesTLS: false, server: Self.listener(.strict)).succeeded)
    #expect(
      TLSNegotiation.nonMeshClient(usesTLS: true, server: Self.listener(.strict))
        == .tls(verified: false, mutual: false))
    #expect(!TLSNegotiation.nonMeshClient(usesTLS: true, server: nil).succeeded)
  }

  @Test func anEnforcedPolicyVerifiesIssuerAndName() {
    #expect(
      Self.negotiate(Self.policy(), Self.listener(.strict)) == .tls(verified: true, mutual: false))
    #expect(!Self.negotiate(Self.policy(trust: ["ca-2"]), Self.listener(.strict)).succeeded)
    #expect(!Self.negotiate(Self.policy(), Self.listener(.strict), names: ["c.local"]).succeeded)
  }

  @Test func item22ASANListThatDoesNotNameTheCertificateFails() {
    #expect(!Self.negotiate(Self.policy(sans: ["a.local"]), Self.listener(.strict)).succeeded)
    #expect(
      Self.negotiate(Self.policy(sans: ["b.local"]), Self.listener(.strict))
        == .tls(verified: true, mutual: false))
  }

  @Test func aClientPolicyInsistsOnTLS() {
    #expect(!Self.negotiate(Self.policy(), nil).succeeded)
    #expect(!Self.negotiate(Self.policy(), Self.listener(.disabled)).succeeded)
  }

  @Test func policiesApplyOnlyWhenEnforcedAndOnTheirPorts() {
    #expect(Self.negotiate(Self.policy(enforce: false), nil) == .plaintext)
    #expect(Self.negotiate(Self.policy(ports: [443]), nil, port: 8080) == .plaintext)
    #expect(!Self.negotiate(Self.policy(ports: [8080]), nil, port: 8080).succeeded)
  }

  @Test func wildcardCertificatesCoverOneLabel() {
    #expect(
      Self.negotiate(
        Self.policy(), Self.listener(.strict, "/keys/wild.pem"), names: ["a.apps.local"])
        == .tls(verified: true, mutual: false))
    #expect(
      !Self.negotiate(
        Self.policy(), Self.listener(.strict, "/keys/wild.pem"), names: ["a.b.apps.local"]
      ).succeeded)
    #expect(TLSNegotiation.sanMatches("*.apps.local", "X.Apps.Local"))
  }

  @Test func mutualTLSNeedsATrustedClientCertificate() {
    let server = Self.listener(.strict, requireClientCertificate: true)
    #expect(!Self.negotiate(nil, server).succeeded)
    #expect(!Self.negotiate(Self.policy(), server).succeeded)
    #expect(
      Self.negotiate(Self.policy(certificate: "/keys/client.pem"), server)
        == .tls(verified: true, mutual: true))
    let pinned = Self.listener(.strict, clientSANs: ["other.local"], requireClientCertificate: true)
    #expect(!Self.negotiate(Self.policy(certificate: "/keys/client.pem"), pinned).succeeded)
  }

  @Test func trustFilesStandForTheAuthoritiesTheyContain() {
    #expect(Self.book.authorities(of: MeshTLSSpec.Trust.file("/keys/ca.pem")) == ["ca-1"])
    #expect(
      Self.book.authorities(of: MeshTLSSpec.Trust.file("/keys/undescribed.pem")) == [
        "/keys/undescribed.pem"
      ])
    #expect(Self.book.authorities(of: MeshTLSSpec.Trust.acm(["arn:pca"])) == ["arn:pca"])
  }
}
