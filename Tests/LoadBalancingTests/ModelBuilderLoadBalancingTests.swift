import Diagnostics
import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel
import Testing

@Suite struct ModelBuilderLoadBalancingTests {
  @Test func seedScenarioBuildsWithoutErrors() throws {
    let (model, engine) = ScenarioFixture().build()
    #expect(engine.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    let elb = try #require(model?.loadBalancing)
    #expect(elb.loadBalancers.count == 1)
    let alb = elb.loadBalancers[0]
    #expect(alb.kind == .application)
    #expect(alb.isInternetFacing)
    #expect(alb.dnsName.hasPrefix("ecs-navi-alb-"))
    #expect(alb.dnsName.hasSuffix(".ap-northeast-1.elb.amazonaws.com"))
    #expect(
      alb.arn.hasPrefix(
        "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/ecs-navi-alb/"))
    #expect(alb.subnets.count == 2)
    #expect(alb.attributes.idleTimeout == .seconds(60))
    #expect(alb.attributes.crossZoneEnabled)
    #expect(elb.listeners.count == 1)
    let listener = elb.listeners[0]
    #expect(listener.name == "ecs-navi-alb:80")
    #expect(listener.rules.map(\.priority) == [1, 2])
    #expect(
      listener.routeTable.rules.map(\.name) == [
        "rule priority 1", "rule priority 2", "default action",
      ])
    #expect(elb.targetGroups.map(\.loadBalancers) == [[0], [0]])
    #expect(elb.attachments.map(\.containerPort) == [80, 80])
    #expect(elb.attachments.map(\.targetGroup) == [0, 1])
  }

  @Test func albTargetGroupGetsALBHealthCheckDefaults() throws {
    let (model, _) = ScenarioFixture().build()
    let group = try #require(model?.loadBalancing.targetGroups.first)
    #expect(
      group.healthCheck
        == HealthCheckSettings(
          protocol: .http, port: .trafficPort, path: "/", interval: .seconds(30),
          timeout: .seconds(5),
          healthyThreshold: 5, unhealthyThreshold: 2,
          matcher: StatusCodeMatcher(ranges: [200...200])))
    #expect(group.attributes.deregistrationDelay == .seconds(300))
    #expect(group.attributes.minimumHealthyTargets == 1)
  }

  /// Target-group defaults per kind (aws-behaviour §5.2, §6 C16).
  @Test(
    arguments: [
      ("TCP", nil, HealthCheckSpec.HealthCheckProtocol.tcp, nil as String?, Int64(10), "200-399"),
      ("TCP", "HTTP", .http, "/", 6, "200-399"),
      ("TLS", "HTTPS", .https, "/", 10, "200-399"),
      ("HTTPS", nil, .http, "/", 5, "200"),
    ] as [(String, String?, HealthCheckSpec.HealthCheckProtocol, String?, Int64, String)])
  func healthCheckDefaults(
    groupProtocol: String, checkProtocol: String?,
    expectedProtocol: HealthCheckSpec.HealthCheckProtocol,
    path: String?, timeout: Int64, matcher: String
  ) throws {
    let proto = try #require(ELBProtocol(rawValue: groupProtocol))
    let check = checkProtocol.flatMap(HealthCheckSpec.HealthCheckProtocol.init(rawValue:))
    let settings = HealthCheckSettings.defaults(for: proto, version: .http1, checkProtocol: check)
    #expect(settings.protocol == expectedProtocol)
    #expect(settings.path == path)
    #expect(settings.timeout == .seconds(timeout))
    #expect(settings.interval == .seconds(30))
    #expect(settings.healthyThreshold == 5)
    #expect(settings.unhealthyThreshold == 2)
    #expect(settings.matcher.description == matcher)
  }

  @Test func grpcTargetGroupChecksTheGRPCHealthPath() {
    let settings = HealthCheckSettings.defaults(for: .http, version: .grpc, checkProtocol: nil)
    #expect(settings.path == "/AWS.ALB/healthcheck")
    #expect(settings.matcher.matches(12))
    #expect(!settings.matcher.matches(0))
  }

  @Test func explicitHealthCheckFieldsOverrideDefaults() throws {
    var fixture = ScenarioFixture()
    fixture.elb = fixture.elb.replacingOccurrences(
      of: #""Name": "backend-tg", "Protocol": "HTTP", "Port": 3000,"#,
      with:
        #""Name": "backend-tg", "Protocol": "HTTP", "Port": 3000, "HealthCheckPath": "/health", "HealthCheckIntervalSeconds": 10, "HealthyThresholdCount": 2, "UnhealthyThresholdCount": 3, "HealthCheckPort": "8080", "Matcher": {"HttpCode": "200-299"},"#
    )
    let (model, engine) = fixture.build()
    #expect(ScenarioFixture.errorIDs(engine) == [])
    let settings = try #require(model?.loadBalancing.targetGroups[1].healthCheck)
    #expect(settings.path == "/health")
    #expect(settings.interval == .seconds(10))
    #expect(settings.timeout == .seconds(5))
    #expect(settings.healthyThreshold == 2)
    #expect(settings.unhealthyThreshold == 3)
    #expect(settings.port == .fixed(8080))
    #expect(settings.matcher.matches(204))
    #expect(!settings.matcher.matches(301))
  }

  @Test func referencesByARNUseTheNameInside() throws {
    var fixture = ScenarioFixture()
    fixture.elb = fixture.elb
      .replacingOccurrences(
        of: #""TargetGroupArn": "backend-tg""#,
        with:
          #""TargetGroupArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/backend-tg/73e2d6bc24d8a067""#
      )
      .replacingOccurrences(
        of: #"{"LoadBalancerArn": "ecs-navi-alb""#,
        with:
          #"{"LoadBalancerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/ecs-navi-alb/50dc6c495c0c9188""#
      )
      .replacingOccurrences(
        of: #""ListenerArn": "ecs-navi-alb:80", "Priority": 2"#,
        with:
          #""ListenerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/ecs-navi-alb/50dc6c495c0c9188/f2f7dc8efc522ab2", "Priority": 2"#
      )
    let (model, engine) = fixture.build()
    #expect(ScenarioFixture.errorIDs(engine) == [])
    #expect(model?.loadBalancing.listeners.first?.rules.count == 2)
  }

  @Test func describeOutputShapesAreAccepted() throws {
    var fixture = ScenarioFixture()
    fixture.elb = """
      "loadBalancers": [
        {"LoadBalancerName": "ecs-navi-alb", "LoadBalancerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/ecs-navi-alb/1",
         "DNSName": "ECS-NAVI-ALB-1.ap-northeast-1.elb.amazonaws.com", "CanonicalHostedZoneId": "Z14GRHDCWA56QT",
         "CreatedTime": "2024-01-01T00:00:00Z", "State": {"Code": "active"}, "VpcId": "vpc-navi", "Type": "application",
         "Scheme": "internet-facing", "IpAddressType": "ipv4", "SecurityGroups": ["sg-alb"],
         "AvailabilityZones": [{"ZoneName": "ap-northeast-1a", "SubnetId": "public-1a"}, {"ZoneName": "ap-northeast-1c", "SubnetId": "public-1c"}]}
      ],
      "targetGroups": [
        {"TargetGroupName": "proxy-tg", "TargetGroupArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/proxy-tg/2",
         "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip", "HealthCheckPort": "traffic-port",
         "LoadBalancerArns": []},
        {"Name": "backend-tg", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"}
      ],
      "listeners": [
        {"ListenerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/ecs-navi-alb/1/3",
         "LoadBalancerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/ecs-navi-alb/1",
         "Protocol": "HTTP", "Port": 80,
         "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/proxy-tg/2"}]}
      ],
      "rules": [
        {"RuleArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener-rule/app/ecs-navi-alb/1/3/4",
         "ListenerArn": "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/ecs-navi-alb/1/3",
         "Priority": "10", "IsDefault": false,
         "Conditions": [{"Field": "host-header", "Values": ["api.ecs-navi.site"]}],
         "Actions": [{"Type": "forward", "Order": 1, "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "backend-tg", "Weight": 1}],
                      "TargetGroupStickinessConfig": {"Enabled": false}}}]}
      ]
      """
    let (model, engine) = fixture.build()
    #expect(engine.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    let elb = try #require(model?.loadBalancing)
    #expect(elb.loadBalancers[0].dnsName == "ecs-navi-alb-1.ap-northeast-1.elb.amazonaws.com")
    #expect(elb.listeners[0].rules.map(\.priority) == [10])
    #expect(elb.loadBalancer(dnsName: "ECS-NAVI-ALB-1.ap-northeast-1.elb.amazonaws.com") == 0)
  }

  @Test func networkLoadBalancerDefaults() throws {
    var fixture = ScenarioFixture()
    fixture.elb = """
      "loadBalancers": [{"Name": "navi-nlb", "Type": "network", "Scheme": "internal", "Subnets": ["private-1a", "private-1c"]}],
      "targetGroups": [
        {"Name": "proxy-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"},
        {"Name": "backend-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"}
      ],
      "listeners": [
        {"LoadBalancerArn": "navi-nlb", "Protocol": "TCP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]},
        {"LoadBalancerArn": "navi-nlb", "Protocol": "TCP", "Port": 8080, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}
      ]
      """
    let (model, engine) = fixture.build()
    #expect(engine.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    let elb = try #require(model?.loadBalancing)
    let nlb = elb.loadBalancers[0]
    #expect(nlb.kind == .network)
    #expect(nlb.securityGroups.isEmpty)
    #expect(!nlb.attributes.crossZoneEnabled)
    #expect(nlb.dnsName.hasPrefix("internal-navi-nlb-"))
    #expect(nlb.dnsName.hasSuffix(".elb.ap-northeast-1.amazonaws.com"))
    #expect(elb.targetGroups[0].healthCheck.protocol == .tcp)
    #expect(elb.targetGroups[0].healthCheck.timeout == .seconds(10))
    #expect(!elb.targetGroups[0].attributes.preserveClientIP)
    #expect(elb.listener(of: 0, port: 8080) == 1)
  }

  @Test func attributesSectionsApply() throws {
    var fixture = ScenarioFixture()
    fixture.elb += """
      ,
      "loadBalancerAttributes": [{"LoadBalancerArn": "ecs-navi-alb", "Attributes": [
        {"Key": "idle_timeout.timeout_seconds", "Value": "120"}, {"Key": "deletion_protection.enabled", "Value": "true"},
        {"Key": "routing.http.xff_header_processing.mode", "Value": "preserve"}]}],
      "targetGroupAttributes": [{"TargetGroupArn": "backend-tg", "Attributes": [
        {"Key": "deregistration_delay.timeout_seconds", "Value": 30},
        {"Key": "load_balancing.algorithm.type", "Value": "least_outstanding_requests"},
        {"Key": "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "Value": "2"}]}]
      """
    let (model, engine) = fixture.build()
    #expect(ScenarioFixture.errorIDs(engine) == [])
    let elb = try #require(model?.loadBalancing)
    #expect(elb.loadBalancers[0].attributes.idleTimeout == .seconds(120))
    #expect(elb.loadBalancers[0].attributes.forwardedForMode == .preserve)
    #expect(elb.targetGroups[1].attributes.deregistrationDelay == .seconds(30))
    #expect(elb.targetGroups[1].attributes.algorithm == .leastOutstandingRequests)
    #expect(elb.targetGroups[1].attributes.minimumHealthyTargets == 2)
    #expect(elb.targetGroups[0].attributes.deregistrationDelay == .seconds(300))
  }
}

extension String {
  /// Replaces every occurrence of `target` (tests only; the package avoids Foundation).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
