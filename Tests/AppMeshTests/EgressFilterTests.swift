import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// The egress filter decisions of a sidecar (AWS behaviour §1.3, §6 C4, §7 items 1–5, 11).
@Suite struct EgressFilterTests {
  typealias F = AppMeshFixture

  /// Node `caller` declares `backends`; `svc-b.local` (http 8080, node b), `svc-c.local` (http
  /// 8080, node c), `db.local` (tcp 5432, node db) and `empty.local` (no provider) exist.
  static func configuration(filter: String, backends: [String]) -> AppMeshConfiguration {
    F.model(
      F.scenario(
        appMesh: [
          "virtualNodes": [
            F.node("caller", backends: backends), F.node("b"), F.node("c"),
            F.node("db", port: 5432, protocolName: "tcp", dns: "db.example.com"),
          ],
          "virtualServices": [
            F.virtualService("svc-b.local", node: "b"), F.virtualService("svc-c.local", node: "c"),
            F.virtualService("db.local", node: "db"), F.virtualService("empty.local"),
          ],
        ],
        egressFilter: filter)
    ).appMesh.initial
  }

  enum Outcome: Equatable, CustomStringConvertible {
    case route(String)
    case noProvider, passthrough
    case notFound(Disposition)
    case closed(Disposition)
    var description: String {
      switch self {
      case .route(let s): "route \(s)"
      case .noProvider: "503 no provider"
      case .passthrough: "passthrough"
      case .notFound(let d): "404 \(d.rawValue)"
      case .closed(let d): "closed \(d.rawValue)"
      }
    }
  }

  static func decide(
    filter: String = "DROP_ALL", backends: [String], scheme: String = "http", host: String,
    port: Int = 8080
  ) -> Outcome {
    let config = configuration(filter: filter, backends: backends)
    switch MeshEgressFilter.decide(config: config, node: 0, scheme: scheme, host: host, port: port)
    {
    case .route(let service, _, _): return .route(config.virtualServices[service].name)
    case .noProvider: return .noProvider
    case .passthrough: return .passthrough
    case .notFound(let d, _): return .notFound(d)
    case .closed(let d, _): return .closed(d)
    }
  }

  @Test func item1ADeclaredBackendIsRouted() {
    #expect(Self.decide(backends: ["svc-b.local"], host: "svc-b.local") == .route("svc-b.local"))
    #expect(Self.decide(backends: ["svc-b.local"], host: "SVC-B.local") == .route("svc-b.local"))
  }

  @Test func item2AnUndeclaredServiceIs404OnAnHTTPPortAndClosedOtherwise() {
    #expect(
      Self.decide(backends: ["svc-b.local"], host: "svc-c.local")
        == .notFound(.deniedByMeshEgressFilter))
    #expect(
      Self.decide(backends: ["svc-b.local"], host: "svc-c.local", port: 9000)
        == .closed(.deniedByMeshEgressFilter))
    #expect(Self.decide(backends: [], host: "svc-c.local") == .closed(.deniedByMeshEgressFilter))
  }

  @Test func item3AWSAPIsAreAlwaysAllowed() {
    #expect(
      Self.decide(backends: [], scheme: "https", host: "s3.us-east-1.amazonaws.com", port: 443)
        == .passthrough)
    #expect(
      Self.decide(
        backends: ["svc-b.local"], scheme: "https", host: "sqs.us-east-1.amazonaws.com", port: 443)
        == .passthrough)
  }

  @Test func tcpURLsNeedAnExplicitPort() {
    let url = RequestURL.parse("tcp://db.local:5432")
    #expect(url?.scheme == "tcp" && url?.port == 5432 && url?.path == "/")
    #expect(RequestURL.parse("tcp://db.local") == nil)
  }

  @Test func aRawTCPConnectionShowsNoName() {
    #expect(
      Self.decide(
        backends: [], scheme: "tcp", host: "mydb.c1.us-east-1.rds.amazonaws.com", port: 5432)
        == .closed(.deniedByMeshEgressFilter))
    #expect(
      Self.decide(
        backends: ["db.local"], scheme: "tcp", host: "mydb.c1.us-east-1.rds.amazonaws.com",
        port: 5432)
        == .route("db.local"))
  }

  @Test func item4AllowAllPassesANodeWithoutBackendsThrough() {
    #expect(
      Self.decide(
        filter: "ALLOW_ALL", backends: [], scheme: "https", host: "example.com", port: 443)
        == .passthrough)
    #expect(Self.decide(filter: "ALLOW_ALL", backends: [], host: "svc-c.local") == .passthrough)
  }

  @Test func item5ANodeWithBackendsLosesAllowAll() {
    #expect(
      Self.decide(
        filter: "ALLOW_ALL", backends: ["svc-b.local"], scheme: "https", host: "example.com",
        port: 443)
        == .closed(.deniedByMeshEgressFilter))
    #expect(
      Self.decide(
        filter: "ALLOW_ALL", backends: ["svc-b.local"], scheme: "tcp", host: "10.0.9.9", port: 3306)
        == .closed(.deniedByMeshEgressFilter))
  }

  @Test func allowAllStillFallsBackForHTTPOnABackendsPort() {
    // howto-k8s-egress: blue declared, red on the same port answers under ALLOW_ALL.
    #expect(
      Self.decide(filter: "ALLOW_ALL", backends: ["svc-b.local"], host: "red.external.local")
        == .passthrough)
  }

  @Test func item7ABackendWithoutProviderIs503() {
    #expect(Self.decide(backends: ["empty.local"], host: "empty.local") == .noProvider)
  }

  @Test func item11ADeclaredServiceOnAnotherPortIsClosed() {
    #expect(
      Self.decide(backends: ["svc-b.local"], host: "svc-b.local", port: 9090)
        == .closed(.connectionClosed))
    #expect(
      Self.decide(backends: ["svc-b.local", "svc-c.local"], host: "svc-b.local", port: 8080)
        == .route("svc-b.local"))
  }

  @Test func tcpBackendsTakeTheirPortWhateverTheName() {
    #expect(
      Self.decide(backends: ["db.local"], scheme: "tcp", host: "anything.example", port: 5432)
        == .route("db.local"))
  }
}
