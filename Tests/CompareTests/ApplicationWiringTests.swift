import Compare
import ScenarioFormat
import Testing

@Suite struct ApplicationWiringTests {
  static func wired(_ option: WiringOption) throws -> WiredScenario {
    let (app, _) = CompareFixtures.decode(CompareFixtures.small)
    return ApplicationWiring.scenario(try #require(app), option)
  }

  static func behaviorURL(_ scenario: WiredScenario, family: String) -> String? {
    scenario.document["ecs", "taskDefinitions"]?.elements(where: "family", is: family).first?[
      "containerDefinitions", 0, "behavior", "calls", 0, "url"]?.text
  }

  @Test(arguments: [
    (WiringOption.cloudMap, "http://back.tiny.local:9090/data"),
    (.appMesh, "http://back.tiny.local:9090/data"),
    (.serviceConnect, "http://back:9090/data"),
  ])
  func callsUseEachOptionsNames(option: WiringOption, url: String) throws {
    #expect(Self.behaviorURL(try Self.wired(option), family: "front") == url)
  }

  @Test func latticeCallsUseTheGeneratedServiceName() throws {
    let url = try #require(Self.behaviorURL(try Self.wired(.lattice), family: "front"))
    #expect(url.hasPrefix("http://back-"))
    #expect(url.hasSuffix(".vpc-lattice-svcs.us-east-1.on.aws/data"))
  }

  @Test(arguments: WiringOption.allCases)
  func everyOptionSharesTasksTrafficAndECSEvents(option: WiringOption) throws {
    let document = try Self.wired(option).document
    let services = document["ecs", "services"]?.items ?? []
    for (name, count) in [("front", 2), ("back-v1", 2), ("back-v2", 1)] {
      #expect(
        services.first { $0["serviceName"]?.text == name }?["desiredCount"] == .int(Int64(count)),
        "\(name)")
    }
    let traffic = try #require(document["traffic", 0])
    #expect(traffic["from"]?.text == "internet")
    #expect(traffic["request", "url"]?.text?.hasPrefix("http://tiny-ingress-") == true)
    let events = document["events"]?.items ?? []
    #expect(events.first?["updateService", "service"]?.text == "back-v1")
    #expect(events.first?["updateService", "desiredCount"] == .int(3))
    #expect(events.dropFirst().first?["stopTask", "task"]?.text == "front/1")
    #expect(document["clients", 0, "location"]?.text == "internet")
  }

  @Test func cloudMapRegistersEveryVersionUnderOneName() throws {
    let wired = try Self.wired(.cloudMap)
    #expect(
      wired.document["cloudMap", "services"]?.items.map { $0["Name"]?.text } == ["front", "back"])
    let registries = (wired.document["ecs", "services"]?.items ?? []).compactMap {
      $0["serviceRegistries", 0, "registryArn"]?.text
    }
    #expect(registries.filter { $0.hasSuffix("service/srv-back") }.count == 2)
    #expect(wired.document["events"]?.items.count == 2)
    #expect(wired.limitations.contains { $0.contains("task counts") })
    #expect(wired.limitations.contains { $0.contains("header routes") })
    #expect(wired.limitations.contains { $0.contains("left out") })
  }

  @Test func appMeshCarriesWeightsHeadersRetriesAndTheCanaryStep() throws {
    let wired = try Self.wired(.appMesh)
    let mesh = try #require(wired.document["appMesh"])
    #expect(
      mesh["virtualNodes"]?.items.compactMap { $0["virtualNodeName"]?.text } == [
        "front", "back-v1", "back-v2",
      ])
    let v2 = try #require(
      mesh["virtualNodes"]?.elements(where: "virtualNodeName", is: "back-v2").first)
    #expect(
      v2["spec", "serviceDiscovery", "awsCloudMap", "attributes", 0, "value"]?.text == "back-v2")
    let routes = mesh["routes"]?.items ?? []
    let header = try #require(routes.first { $0["routeName"]?.text == "back-v2-by-header-1" })
    #expect(header["spec", "httpRoute", "match", "headers", 0, "name"]?.text == "x-canary")
    let route = try #require(routes.first { $0["routeName"]?.text == "back-default" })
    #expect(
      route["spec", "httpRoute", "action", "weightedTargets"]?.items.map { $0["weight"] } == [
        .int(90), .int(10),
      ])
    #expect(route["spec", "httpRoute", "retryPolicy", "maxRetries"] == .int(2))
    let frontFamily = try #require(
      wired.document["ecs", "taskDefinitions"]?.elements(where: "family", is: "front").first)
    #expect(frontFamily["proxyConfiguration", "type"]?.text == "APPMESH")
    #expect(
      frontFamily["containerDefinitions"]?.items.compactMap { $0["name"]?.text } == [
        "app", "envoy",
      ])
    #expect(mesh["virtualGateways", 0, "virtualGatewayName"]?.text == "tiny-gateway")
    let step = try #require(wired.document["events"]?.items.last)
    #expect(step["at"]?.text == "60s")
    #expect(
      step["updateRoute", "spec", "httpRoute", "action", "weightedTargets"]?.items.map {
        $0["weight"]
      } == [.int(50), .int(50)])
    #expect(wired.limitations.isEmpty)
    #expect(wired.sidecarsPerTask == 1 && wired.proxyTasks == 2)
  }

  @Test func serviceConnectGivesTheNameToTheHeaviestVersion() throws {
    let wired = try Self.wired(.serviceConnect)
    let services = wired.document["ecs", "services"]?.items ?? []
    let alias = { (name: String) in
      services.first { $0["serviceName"]?.text == name }?[
        "serviceConnectConfiguration", "services", 0, "clientAliases", 0, "dnsName"]?.text
    }
    #expect(alias("back-v1") == "back")
    #expect(alias("back-v2") == "back-v2")
    #expect(alias("front") == "front")
    #expect(wired.document["cloudMap", "namespaces", 0, "Type"]?.text == "HTTP")
    #expect(wired.limitations.contains { $0.contains("no caller uses") })
    #expect(wired.limitations.contains { $0.contains("retries are built in") })
    #expect(wired.document["events"]?.items.count == 2)
  }

  @Test func latticeGivesCalledServicesWeightedTargetGroups() throws {
    let wired = try Self.wired(.lattice)
    let lattice = try #require(wired.document["lattice"])
    #expect(lattice["services"]?.items.compactMap { $0["name"]?.text } == ["back"])
    #expect(
      lattice["targetGroups"]?.items.compactMap { $0["name"]?.text } == [
        "back-v1-lattice", "back-v2-lattice",
      ])
    #expect(
      lattice["listeners", 0, "defaultAction", "forward", "targetGroups"]?.items.map {
        $0["weight"]
      } == [.int(90), .int(10)])
    #expect(
      lattice["rules", 0, "match", "httpMatch", "headerMatches", 0, "name"]?.text == "x-canary")
    let groups = wired.document["ec2", "securityGroups"]?.items ?? []
    let back = try #require(groups.first { $0["GroupId"]?.text == "sg-tiny-back" })
    #expect(
      back["IpPermissions"]?.items.contains {
        $0["PrefixListIds", 0, "PrefixListId"]?.text == "pl-vpc-lattice"
      } == true)
    let step = try #require(wired.document["events"]?.items.last)
    #expect(
      step["updateListener", "defaultAction", "forward", "targetGroups"]?.items.map { $0["weight"] }
        == [.int(50), .int(50)])
    #expect(
      wired.limitations == ["VPC Lattice does not retry failed requests; the application must"])
  }

  @Test(arguments: WiringOption.allCases)
  func generationIsDeterministic(option: WiringOption) throws {
    let (first, _) = CompareFixtures.decode(CompareFixtures.small)
    let (second, _) = CompareFixtures.decode(CompareFixtures.small)
    #expect(
      ApplicationWiring.scenario(try #require(first), option).text
        == ApplicationWiring.scenario(try #require(second), option).text)
  }

  @Test func expectationsAreCopiedToTheOptionsTheyName() throws {
    let text = CompareFixtures.small.replacingOccurrences(
      of: "\"requires\"",
      with: """
        "expect": [
          { "name": "all good", "traffic": "users", "status": 200, "share": 1 },
          { "name": "mesh only", "options": ["appMesh"], "traffic": "users", "status": 200, "share": 1 }
        ],
        "requires"
        """)
    let (app, diagnostics) = CompareFixtures.decode(text)
    #expect(diagnostics.isEmpty)
    let mesh = ApplicationWiring.scenario(try #require(app), .appMesh).document
    let lattice = ApplicationWiring.scenario(try #require(app), .lattice).document
    #expect(mesh["expect"]?.items.count == 2)
    #expect(mesh["expect", 1, "options"] == nil)
    #expect(lattice["expect"]?.items.compactMap { $0["name"]?.text } == ["all good"])
  }
}
