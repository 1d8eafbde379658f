import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

@Suite struct LoadBalancingAnalysisTests {
  /// Builds the fixture after `edit` and runs the analysis.
  func findings(_ edit: (inout ScenarioFixture) -> Void = { _ in }) throws -> [Diagnostic] {
    var fixture = ScenarioFixture()
    edit(&fixture)
    let (model, engine) = fixture.build()
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    return LoadBalancingAnalysis.run(try #require(model))
  }

  func ids(_ findings: [Diagnostic]) -> [String] { findings.map(\.id.rawValue) }

  /// The seed article: target groups on port 3000, containers on port 80 — works; say why.
  @Test func seedScenarioGetsOnlyContainerPortNotes() throws {
    let findings = try findings()
    #expect(
      ids(findings) == [
        "analysis.target-port-from-container", "analysis.target-port-from-container",
      ])
    #expect(findings.allSatisfy { $0.severity == .note })
    #expect(
      findings[1].message
        == "target group 'backend-tg' declares port 3000, but ECS registers the tasks of service "
        + "'backend' on container port 80; traffic and traffic-port health checks go to port 80, so this works"
    )
  }

  @Test func shadowedRuleIsReported() throws {
    let findings = try findings { fixture in
      fixture.elb = fixture.elb
        .replacingOccurrences(
          of: #"{"Field": "host-header", "HostHeaderConfig": {"Values": ["ecs-navi.site"]}}"#,
          with: #"{"Field": "path-pattern", "Values": ["/*"]}"#
        )
        .replacingOccurrences(
          of: #"{"Field": "host-header", "HostHeaderConfig": {"Values": ["api.ecs-navi.site"]}}"#,
          with:
            #"{"Field": "path-pattern", "Values": ["/api/*"]}, {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET"]}}"#
        )
    }
    let shadowed = findings.filter { $0.id.rawValue == "analysis.rule-shadowed" }
    #expect(
      shadowed.map(\.message) == [
        "rule priority 2 on listener 'ecs-navi-alb:80' can never match: rule priority 1 matches every request it matches"
      ])
    #expect(shadowed.first?.severity == .warning)
    #expect(shadowed.first?.path == "/elb/rules/1")
  }

  @Test func narrowerRuleFirstIsNotShadowed() throws {
    let findings = try findings { fixture in
      fixture.elb = fixture.elb
        .replacingOccurrences(
          of: #"{"Field": "host-header", "HostHeaderConfig": {"Values": ["ecs-navi.site"]}}"#,
          with: #"{"Field": "path-pattern", "Values": ["/api/*"]}"#
        )
        .replacingOccurrences(
          of: #"{"Field": "host-header", "HostHeaderConfig": {"Values": ["api.ecs-navi.site"]}}"#,
          with: #"{"Field": "path-pattern", "Values": ["/*"]}"#)
    }
    #expect(!ids(findings).contains("analysis.rule-shadowed"))
  }

  @Test func targetGroupWithoutTargets() throws {
    let findings = try findings { $0.backendLoadBalancers = "[]" }
    #expect(
      findings.filter { $0.severity == .warning }.map(\.message) == [
        "target group 'backend-tg' has no targets: no ECS service registers in it, so requests forwarded to it get 503"
      ])
  }

  @Test func healthCheckPortNothingListensOn() throws {
    let findings = try findings { fixture in
      fixture.elb = fixture.elb.replacingOccurrences(
        of: #""Name": "backend-tg","#, with: #""Name": "backend-tg", "HealthCheckPort": "8080","#)
    }
    #expect(ids(findings).contains("analysis.health-check-port-closed"))
  }

  @Test func healthCheckAnsweredWithRejectedStatus() throws {
    let findings = try findings {
      $0.backendBehavior = #"{"status": 200, "paths": [{"path": "/", "status": 404}]}"#
    }
    let finding = try #require(
      findings.first { $0.id.rawValue == "analysis.health-check-status-rejected" })
    #expect(
      finding.message.contains("container 'backend' answers 404, which matcher '200' rejects"))
  }

  @Test func targetSecurityGroupThatDoesNotAdmitTheLoadBalancer() throws {
    let findings = try findings {
      $0.backendIngress =
        #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-proxy"}]}"#
    }
    let warnings = findings.filter { $0.id.rawValue == "analysis.target-blocks-load-balancer" }
    #expect(
      warnings.map(\.message) == [
        "the security groups of service 'backend' do not admit ALB 'ecs-navi-alb' (security groups sg-alb (alb-sg)) on TCP port 80: "
          + "its requests and health checks are dropped"
      ])
  }

  @Test func vpcCIDRRuleAdmitsTheLoadBalancer() throws {
    let findings = try findings {
      $0.backendIngress =
        #"{"IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}"#
    }
    #expect(!ids(findings).contains("analysis.target-blocks-load-balancer"))
  }

  @Test func loadBalancerGroupWithoutListenerPort() throws {
    let findings = try findings { fixture in
      fixture.elb = fixture.elb.replacingOccurrences(
        of: #""Protocol": "HTTP", "Port": 80"#, with: #""Protocol": "HTTP", "Port": 8080"#
      )
      .replacingOccurrences(of: "ecs-navi-alb:80", with: "ecs-navi-alb:8080")
    }
    #expect(ids(findings).contains("analysis.load-balancer-blocks-listener"))
  }

  /// An NLB without security groups: targets must admit the nodes' addresses (health checks,
  /// and requests when client IPs are not preserved) and, when preserved, the clients'.
  @Test(arguments: [
    (
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{"GroupId": "sg-proxy"}]}"#,
      false,
      ["analysis.target-blocks-load-balancer"]
    ),
    (
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}"#,
      false, []
    ),
    (
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}"#,
      true,
      ["analysis.target-blocks-load-balancer"]
    ),
    (
      #"{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}"#,
      true, []
    ),
  ])
  func networkLoadBalancerWithoutSecurityGroups(
    ingress: String, preserveClientIP: Bool, expected: [String]
  ) throws {
    let findings = try findings { fixture in
      fixture.backendIngress = ingress
      fixture.proxyLoadBalancers = "[]"
      fixture.elb = """
        "loadBalancers": [{"Name": "nlb", "Type": "network", "Subnets": ["public-1a", "public-1c"]}],
        "targetGroups": [{"Name": "backend-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"}],
        "listeners": [{"LoadBalancerArn": "nlb", "Protocol": "TCP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}],
        "targetGroupAttributes": [{"TargetGroupArn": "backend-tg", "Attributes": [{"Key": "preserve_client_ip.enabled", "Value": "\(preserveClientIP)"}]}]
        """
    }
    #expect(ids(findings).filter { $0 != "analysis.target-port-from-container" } == expected)
  }
}
