import NetworkModel
import SimKernel
import Testing

/// `ModelBuilder+ServiceConnect`: the defaults ECS applies and how names get addresses.
@Suite struct ServiceConnectBuilderDefaultsTests {
  typealias F = ServiceConnectFixture

  @Test func entryDefaultsFollowTheECSAPI() throws {
    let model = F.model(
      F.scenario(services: [F.service("orders", "api", serviceConnect: F.server())]))
    let configuration = try #require(model.serviceConnect.configurations.first)
    #expect(configuration.activation == .atStart)
    #expect(configuration.namespace.map { model.namespaces[$0].name } == "prod")  // the cluster's default
    let endpoint = try #require(configuration.endpoints.first)
    #expect(endpoint.discoveryName == "api")
    #expect(endpoint.alias?.dnsName == "api.prod")
    #expect(endpoint.alias?.isDefaultName == true)
    #expect(endpoint.alias?.address.description == "127.255.0.1")
    #expect(
      endpoint.containerPort == 8080 && endpoint.ingressPort == 8080
        && !endpoint.hasIngressPortOverride)
    #expect(endpoint.appProtocol == .http)
    #expect(endpoint.idleTimeout == .seconds(300))
    #expect(endpoint.perRequestTimeout == .seconds(15))
    #expect(endpoint.requestTimeout?.limit == .seconds(15))
    #expect(endpoint.requestTimeout?.kind == .perRequest)
  }

  @Test func tcpPortsHaveALongIdleTimeoutAndNoPerRequestTimeout() throws {
    let model = F.model(
      F.scenario(services: [F.service("db", "tcp", serviceConnect: F.server(portName: "db"))]))
    let endpoint = try #require(model.serviceConnect.configurations.first?.endpoints.first)
    #expect(endpoint.appProtocol == .tcp)
    #expect(endpoint.idleTimeout == .seconds(3600))
    #expect(endpoint.perRequestTimeout == nil)
    #expect(endpoint.requestTimeout?.kind == .idle)
  }

  struct TimeoutCase: Sendable, CustomStringConvertible {
    var idle: Int?
    var perRequest: Int?
    var limit: SimDuration?
    var kind: ServiceConnectEndpoint.TimeoutKind?
    var description: String {
      "idle \(idle.map(String.init) ?? "-") perRequest \(perRequest.map(String.init) ?? "-")"
    }
  }

  @Test(arguments: [
    TimeoutCase(idle: nil, perRequest: nil, limit: .seconds(15), kind: .perRequest),
    TimeoutCase(idle: 5, perRequest: nil, limit: .seconds(5), kind: .idle),
    TimeoutCase(idle: nil, perRequest: 30, limit: .seconds(30), kind: .perRequest),
    TimeoutCase(idle: 60, perRequest: 30, limit: .seconds(30), kind: .perRequest),
    TimeoutCase(idle: 0, perRequest: 0, limit: nil, kind: nil),
    TimeoutCase(idle: 0, perRequest: nil, limit: .seconds(15), kind: .perRequest),
    TimeoutCase(idle: 20, perRequest: 0, limit: .seconds(20), kind: .idle),
  ])
  func theSmallerEnabledTimeoutEndsARequest(_ testCase: TimeoutCase) throws {
    var timeout: F.JSON = [:]
    if let idle = testCase.idle { timeout["idleTimeoutSeconds"] = idle }
    if let perRequest = testCase.perRequest { timeout["perRequestTimeoutSeconds"] = perRequest }
    let model = F.model(
      F.scenario(services: [
        F.service("orders", "api", serviceConnect: F.server(extra: ["timeout": timeout]))
      ]))
    let endpoint = try #require(model.serviceConnect.configurations.first?.endpoints.first)
    #expect(endpoint.requestTimeout?.limit == testCase.limit)
    #expect(endpoint.requestTimeout?.kind == testCase.kind)
  }

  @Test func namesGetOneLoopbackAddressEachPerNamespace() throws {
    let model = F.model(
      F.scenario(services: [
        F.service(
          "orders", "api",
          serviceConnect: F.server(
            discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"])),
        F.service(
          "admin", "two-ports",
          serviceConnect: F.server(
            portName: "admin", discoveryName: "admin", alias: ["port": 81, "dnsName": "orders"])),
        F.service(
          "users", "api",
          serviceConnect: F.server(discoveryName: "users", alias: ["port": 80, "dnsName": "users"])),
        F.service(
          "dev-users", "api",
          serviceConnect: F.server(
            discoveryName: "users", alias: ["port": 80, "dnsName": "users"], namespace: "dev")),
      ]))
    let addresses = model.serviceConnect.configurations.map {
      $0.endpoints[0].alias!.address.description
    }
    #expect(addresses == ["127.255.0.1", "127.255.0.1", "127.255.0.2", "127.255.0.1"])
  }

  @Test func discoveryNamesBecomeCloudMapServicesWithoutDNS() throws {
    let model = F.model(
      F.scenario(services: [
        F.service(
          "orders", "api",
          serviceConnect: F.server(discoveryName: "orders", namespace: "prod.local"))
      ]))
    let endpoint = try #require(model.serviceConnect.configurations.first?.endpoints.first)
    let service = model.discoveryServices[endpoint.discoveryService]
    #expect(service.createdByServiceConnect)
    #expect(service.fullName == "orders.prod.local")
    #expect(!service.hasARecords && !service.hasSRVRecords)
    #expect(endpoint.alias?.dnsName == "orders.prod.local")
  }

  @Test func updatesBecomeConfigurationsThatTakeEffectAtTheirEvent() throws {
    let model = F.model(
      F.scenario(
        services: [
          F.service("orders", "api"), F.service("web", "caller", serviceConnect: F.client),
        ],
        events: [
          [
            "at": "30s",
            "updateService": ["service": "web", "serviceConnectConfiguration": ["enabled": false]],
          ],
          [
            "at": "10s",
            "updateService": [
              "service": "orders", "desiredCount": 3,
              "serviceConnectConfiguration": F.server(namespace: "ns-dev"),
            ],
          ],
        ]))
    let configurations = model.serviceConnect.configurations
    #expect(configurations.count == 3)
    #expect(model.serviceConnect.initialConfiguration(of: 1) == 0)
    #expect(model.serviceConnect.initialConfiguration(of: 0) == nil)
    #expect(configurations[1].service == 0 && configurations[1].activation.time == .seconds(10))
    #expect(configurations[1].namespace.map { model.namespaces[$0].name } == "dev")  // by namespace id
    #expect(
      configurations[2].service == 1 && !configurations[2].enabled
        && configurations[2].activation.time == .seconds(30))
    let source = try #require(configurations[1].activation.update)
    #expect(model.serviceConnect.configuration(appliedBy: source) == 1)
  }
}
