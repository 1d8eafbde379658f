import Diagnostics
import NetworkModel
import Testing

/// `ServiceConnectAnalysis`: the warnings `meshsim check` gives about Service Connect.
@Suite struct ServiceConnectAnalysisTests {
  typealias F = ServiceConnectFixture

  static func findings(_ scenario: F.JSON) -> [String] {
    ScenarioAnalysis.run(F.model(scenario)).map(\.id.description).filter {
      $0.contains("service-connect")
    }
  }

  static var orders: F.JSON {
    F.server(discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"])
  }

  static func addOrdersAt10s(thenRedeployWebAt redeploy: String?) -> F.JSON {
    var events: [F.JSON] = [
      ["at": "10s", "updateService": ["service": "orders", "serviceConnectConfiguration": orders]]
    ]
    if let redeploy {
      events.append([
        "at": redeploy, "updateService": ["service": "web", "forceNewDeployment": true],
      ])
    }
    return F.scenario(
      services: [F.service("orders", "api"), F.service("web", "caller", serviceConnect: F.client)],
      traffic: [F.traffic("calls", from: "web", url: "http://orders/")], events: events)
  }

  @Test func aCleanSetupHasNoFindings() {
    #expect(
      Self.findings(
        F.scenario(
          services: [
            F.service("orders", "api", serviceConnect: Self.orders),
            F.service("web", "caller", serviceConnect: F.client),
          ],
          traffic: [F.traffic("calls", from: "web", url: "http://orders/")])
      ).isEmpty)
  }

  @Test(arguments: [
    (redeploy: String?.none, warned: true), (redeploy: "30s", warned: false),
    (redeploy: "5s", warned: true),
  ])
  func clientsStartedBeforeTheNameExistsAreFlagged(_ example: (redeploy: String?, warned: Bool)) {
    let ids = Self.findings(Self.addOrdersAt10s(thenRedeployWebAt: example.redeploy))
    #expect(
      ids.contains("analysis.service-connect-name-missing-by-deployment-order") == example.warned)
  }

  @Test func aSecurityGroupOpenOnlyOnTheAliasPortIsFlagged() throws {
    let group: F.JSON = [
      "GroupId": "sg-orders", "VpcId": "vpc-1",
      "IpPermissions": [
        [
          "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80,
          "UserIdGroupPairs": [["GroupId": "sg-web"]],
        ]
      ],
    ]
    let web: F.JSON = ["GroupId": "sg-web", "VpcId": "vpc-1", "IpPermissions": [] as [Any]]
    let model = F.model(
      F.scenario(
        services: [
          F.service("orders", "api", serviceConnect: Self.orders, groups: ["sg-orders"]),
          F.service("web", "caller", serviceConnect: F.client, groups: ["sg-web"]),
        ],
        traffic: [F.traffic("calls", from: "web", url: "http://orders/")], groups: [group, web]))
    let finding = try #require(
      ScenarioAnalysis.run(model).first {
        $0.id.description == "analysis.service-connect-proxy-port-blocked"
      })
    #expect(finding.message.contains("tcp/8080"))
    #expect(finding.hint?.contains("alias port 80") == true)
    #expect(finding.path == "/traffic/0/request/url")
  }

  @Test func callsFromOutsideTheNamespaceAreFlagged() {
    let ids = Self.findings(
      F.scenario(
        services: [
          F.service("orders", "api", serviceConnect: Self.orders),
          F.service("dev-web", "caller", serviceConnect: ["enabled": true, "namespace": "dev"]),
          F.service("legacy", "caller"),
        ],
        traffic: [
          F.traffic("dev", from: "dev-web", url: "http://orders/"),
          F.traffic("legacy", from: "legacy", url: "http://orders/"),
        ]))
    #expect(
      ids == [
        "analysis.service-connect-name-in-other-namespace",
        "analysis.service-connect-name-outside-service-connect",
      ])
  }

  @Test func aDiscoveryNameIsNotAnAlias() throws {
    let model = F.model(
      F.scenario(
        services: [
          F.service("orders", "api", serviceConnect: F.server(discoveryName: "orders")),
          F.service("web", "caller", serviceConnect: F.client),
        ],
        traffic: [F.traffic("calls", from: "web", url: "http://orders:80/")]))
    let finding = try #require(
      ScenarioAnalysis.run(model).first {
        $0.id.description == "analysis.service-connect-not-an-alias"
      })
    #expect(finding.notes.map(\.message) == ["did you mean 'orders.prod:80'?"])
  }

  @Test func configurationFindings() {
    let withoutAlias = F.server(discoveryName: "quiet", alias: nil)
    let testTraffic = F.server(
      discoveryName: "canary",
      alias: [
        "port": 80, "dnsName": "canary",
        "testTrafficRules": ["header": ["name": "x-canary", "value": ["exact": "1"]]],
      ])
    var scenario = F.scenario(services: [
      F.service("quiet", "api", serviceConnect: withoutAlias),
      F.service("canary", "api", serviceConnect: testTraffic),
      F.service(
        "a", "api",
        serviceConnect: F.server(discoveryName: "a", alias: ["port": 80, "dnsName": "shared"])),
      F.service(
        "b", "api",
        serviceConnect: F.server(discoveryName: "b", alias: ["port": 81, "dnsName": "shared"])),
      F.service(
        "c", "api",
        serviceConnect: F.server(
          discoveryName: "c", alias: ["port": 80, "dnsName": "api.example.com"])),
    ])
    scenario["external"] = [["name": "example", "hostnames": ["api.example.com"], "ports": [80]]]
    #expect(
      Self.findings(scenario) == [
        "analysis.service-connect-entry-without-alias",
        "analysis.service-connect-alias-name-shared",
        "analysis.service-connect-alias-shadows-dns-name",
        "analysis.service-connect-test-traffic-rules-inert",
      ])
  }
}
