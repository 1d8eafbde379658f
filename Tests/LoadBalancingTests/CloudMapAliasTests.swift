import NetworkModel
import SimEngine
import SimKernel
import Testing

/// Cloud Map alias instances (`AWS_ALIAS_DNS_NAME`): a Route 53 alias record to a load balancer,
/// answered with the load balancer's own addresses (Cloud Map API reference, `RegisterInstance`;
/// aws-behaviour §4.2). The Yelb sample reaches its internal ALB this way (case yl-1).
@Suite struct CloudMapAliasTests {
  /// A public namespace `ecs-navi.site` whose WEIGHTED service `www` holds one alias instance.
  static func cloudMap(
    alias: String = ScenarioFixture.albName, policy: String = "WEIGHTED",
    extraAttributes: String = ""
  ) -> String {
    """
    "cloudMap": {
      "namespaces": [{"Id": "ns-site", "Name": "ecs-navi.site", "Type": "DNS_PUBLIC"}],
      "services": [{"Id": "srv-www", "Name": "www", "NamespaceId": "ns-site",
                    "DnsConfig": {"RoutingPolicy": "\(policy)", "DnsRecords": [{"Type": "A", "TTL": 300}]}}],
      "instances": [{"ServiceId": "srv-www", "InstanceId": "alb",
                     "Attributes": {"AWS_ALIAS_DNS_NAME": "\(alias)"\(extraAttributes)}}]
    },
    """
  }

  static func fixture(cloudMap: String = CloudMapAliasTests.cloudMap()) -> ScenarioFixture {
    var fixture = ScenarioFixture()
    fixture.extra = cloudMap
    fixture.traffic = """
      [{"name": "www", "from": "internet", "request": {"url": "http://www.ecs-navi.site/",
        "headers": {"Host": "ecs-navi.site"}}, "count": 10, "rate": "10/s"}]
      """
    return fixture
  }

  @Test func theAliasAnswersTheLoadBalancersAddresses() throws {
    let (model, engine) = Self.fixture().build()
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    let result = SimulationRun.run(try #require(model), options: .init(traces: .first(1)))
    let outcomes = result.streams[0].outcomes
    #expect(outcomes.map(\.service) == ["nginx"])
    #expect(outcomes.map(\.status) == [200])
    let trace = try #require(result.traces.first)
    let text = trace.steps.map(\.detail).joined(separator: "\n")
    #expect(text.contains("Cloud Map alias www.ecs-navi.site → \(ScenarioFixture.albName)"))
    #expect(text.contains("TTL 1m"), "an alias answers with the load balancer's 60 s TTL: \(text)")
  }

  @Test func anAliasMustNameALoadBalancerOfTheScenario() throws {
    let (_, engine) = Self.fixture(
      cloudMap: Self.cloudMap(alias: "ecs-navi-alb-2.ap-northeast-1.elb.amazonaws.com")
    ).build()
    let error = try #require(engine.diagnostics.first { $0.severity == .error })
    #expect(error.id.rawValue == "model.unresolved-reference")
    #expect(error.path == "/cloudMap/instances/0/Attributes/AWS_ALIAS_DNS_NAME")
    #expect(error.notes.map(\.message) == ["did you mean '\(ScenarioFixture.albName)'?"])
  }

  @Test(arguments: [
    ("MULTIVALUE", "", "/cloudMap/instances/0/Attributes/AWS_ALIAS_DNS_NAME"),
    ("WEIGHTED", #", "AWS_INSTANCE_IPV4": "10.0.0.9""#,
     "/cloudMap/instances/0/Attributes/AWS_INSTANCE_IPV4"),
  ])
  func anAliasNeedsWeightedARecordsAndNoAddress(
    _ example: (policy: String, attributes: String, path: String)
  ) {
    let (_, engine) = Self.fixture(
      cloudMap: Self.cloudMap(policy: example.policy, extraAttributes: example.attributes)
    ).build()
    let errors = engine.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.id.rawValue) == ["model.invalid-dns-config"])
    #expect(errors.first?.path == example.path)
  }
}
