import NetworkModel
import SimEngine
import SimKernel
import Testing

/// Whole runs of small scenarios: the ALB and NLB nodes, health checks and events together.
@Suite struct LoadBalancerWorldTests {
  func run(_ fixture: ScenarioFixture) throws -> RunResult {
    let (model, engine) = fixture.build()
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    return SimulationRun.run(try #require(model), options: .init(traces: .first(20)))
  }

  func stream(
    _ host: String, path: String = "/", count: Int = 20, name: String? = nil,
    from: String = "\"internet\"",
    extra: String = ""
  ) -> String {
    #"{"name": "\#(name ?? host)", "from": \#(from), "request": {"url": "http://\#(ScenarioFixture.albName)\#(path)", "headers": {"Host": "\#(host)"}}, "count": \#(count), "rate": "10/s"\#(extra)}"#
  }

  @Test func hostRulesRouteToTheRightServices() throws {
    var fixture = ScenarioFixture()
    fixture.traffic =
      "[\(stream("ecs-navi.site")), \(stream("api.ecs-navi.site")), \(stream("other.example.com"))]"
    fixture.backendBehavior = #"{"status": 200, "body": "backend"}"#
    let result = try run(fixture)
    #expect(result.streams.map { $0.outcomes.map(\.service) } == [["nginx"], ["backend"], [nil]])
    #expect(result.streams[2].outcomes.first?.status == 404)
    #expect(result.streams[2].outcomes.first?.disposition == "fixedResponse")
    #expect(result.streams[2].outcomes.first?.body == "not found")
  }

  @Test func explainNamesListenerRuleTargetGroupAndTarget() throws {
    var fixture = ScenarioFixture()
    fixture.traffic = "[\(stream("api.ecs-navi.site", count: 1))]"
    let trace = try #require(try run(fixture).traces.first)
    let details = trace.steps.map(\.detail)
    #expect(
      details.contains {
        $0.hasPrefix(
          "listener HTTP:80 of ALB 'ecs-navi-alb' receives GET / (Host: api.ecs-navi.site)")
      })
    #expect(
      details.contains(
        "rule priority 1 does not match: host: expected host-header 'ecs-navi.site', found 'api.ecs-navi.site'"
      ))
    #expect(details.contains("rule priority 2 matches: host-header 'api.ecs-navi.site'"))
    #expect(
      details.contains {
        $0.hasPrefix("target group 'backend-tg' → target ") && $0.contains("(backend/1) (healthy")
      })
    #expect(details.contains { $0.contains("X-Forwarded-For: 203.0.113.10") })
  }

  @Test func targetSecurityGroupSeesTheLoadBalancerNode() throws {
    var fixture = ScenarioFixture()
    fixture.backendIngress =
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-proxy"}]}"#
    fixture.traffic = "[\(stream("api.ecs-navi.site", count: 3, extra: #", "timeout": "20s""#))]"
    let result = try run(fixture)
    #expect(result.streams[0].outcomes.map(\.disposition) == ["deniedBySecurityGroupIngress"])
    #expect(result.streams[0].outcomes.map(\.status) == [504])
    #expect(result.streams[0].outcomes.first?.count == 3)
  }

  @Test func modifyRuleShiftsTrafficAtItsTime() throws {
    var fixture = ScenarioFixture()
    fixture.traffic = "[\(stream("api.ecs-navi.site", count: 100))]"
    fixture.events = """
      [{"at": "5s", "modifyRule": {"RuleArn": "ecs-navi-alb:80:2", "Actions": [{"Type": "fixed-response",
         "FixedResponseConfig": {"StatusCode": "503", "MessageBody": "maintenance"}}]}}]
      """
    let rows = try run(fixture).streams[0].outcomes.sorted { ($0.status ?? 0) < ($1.status ?? 0) }
    #expect(rows.map(\.status) == [200, 503])
    #expect(rows.map(\.count) == [50, 50])
    #expect(rows.map(\.body) == ["backend", "maintenance"])
  }

  @Test func redirectAnswersWithTheLocation() throws {
    var fixture = ScenarioFixture()
    fixture.elb = fixture.elb.replacingOccurrences(
      of: #""Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]"#,
      with:
        #""Actions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]"#
    )
    fixture.backendLoadBalancers = "[]"
    fixture.traffic = "[\(stream("api.ecs-navi.site", path: "/a?b=1", count: 1))]"
    let row = try #require(try run(fixture).streams[0].outcomes.first)
    #expect(row.status == 301 && row.disposition == "redirected")
    #expect(row.body == "https://api.ecs-navi.site:443/a?b=1")
  }

  @Test func scaleOutTargetsStartInitialAndBecomeHealthy() throws {
    var fixture = ScenarioFixture()
    fixture.traffic = "[\(stream("api.ecs-navi.site", count: 400))]"
    fixture.events = #"[{"at": "1s", "updateService": {"service": "backend", "desiredCount": 2}}]"#
    let result = try run(fixture)
    let lines = result.timeline.map(\.text)
    let registered = try #require(
      result.timeline.first {
        $0.text.hasPrefix("ELB: registered") && $0.text.contains("backend/2")
      })
    let healthy = try #require(
      result.timeline.first {
        $0.text.contains("(backend/2)") && $0.text.contains("initial → healthy")
      })
    #expect(registered.time == .zero + .seconds(21))
    #expect(healthy.time > registered.time && healthy.time < registered.time + .seconds(1))
    #expect(
      result.streams[0].outcomes.map(\.task).sorted { ($0 ?? "") < ($1 ?? "") } == [
        "backend/1", "backend/2",
      ], "\(lines)")
  }

  @Test func networkLoadBalancerPreservesClientAddressesWhenAsked() throws {
    var fixture = ScenarioFixture()
    fixture.proxyLoadBalancers = "[]"
    fixture.backendIngress =
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}"#
    fixture.elb = """
      "loadBalancers": [{"Name": "nlb", "Type": "network", "Subnets": ["public-1a", "public-1c"], "DNSName": "\(ScenarioFixture.albName)"}],
      "targetGroups": [{"Name": "backend-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"}],
      "listeners": [{"LoadBalancerArn": "nlb", "Protocol": "TCP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}]
      """
    fixture.traffic = "[\(stream("x", count: 40, extra: #", "timeout": "2s""#))]"
    fixture.events = """
      [{"at": "2s", "modifyTargetGroupAttributes": {"TargetGroupArn": "backend-tg", "Attributes": [{"Key": "preserve_client_ip.enabled", "Value": "true"}]}}]
      """
    let rows = try run(fixture).streams[0].outcomes.sorted { $0.disposition < $1.disposition }
    #expect(rows.map(\.disposition) == ["delivered", "deniedBySecurityGroupIngress"])
    #expect(rows.map(\.count) == [20, 20])
  }
}
