import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

/// One invalid configuration: edits applied to the seed fixture and the diagnostic AWS's API
/// (or ECS's `CreateService`) would answer with.
struct ValidationCase: Sendable, CustomTestStringConvertible {
  var name: String
  var edits: [(of: String, with: String)] = []
  var backendLoadBalancers: String?
  var expected: String
  var severity: Severity = .error
  var testDescription: String { name }

  var fixture: ScenarioFixture {
    var fixture = ScenarioFixture()
    for edit in edits {
      fixture.elb = fixture.elb.replacingOccurrences(of: edit.of, with: edit.with)
    }
    if let backendLoadBalancers { fixture.backendLoadBalancers = backendLoadBalancers }
    return fixture
  }
}

let hostRule =
  #""Conditions": [{"Field": "host-header", "HostHeaderConfig": {"Values": ["api.ecs-navi.site"]}}]"#
let proxyForward = #""Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]"#
let backendForward = #""Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]"#
let fixed404 =
  #"{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}"#

let validationCases: [ValidationCase] = [
  ValidationCase(
    name: "ALB in one zone", edits: [(#"["public-1a", "public-1c"]"#, #"["public-1a"]"#)],
    expected: "model.load-balancer-subnets"),
  ValidationCase(
    name: "two subnets in one zone",
    edits: [(#"["public-1a", "public-1c"]"#, #"["public-1a", "private-1a", "public-1c"]"#)],
    expected: "model.load-balancer-subnets"),
  ValidationCase(
    name: "gateway load balancer", edits: [(#""Type": "application""#, #""Type": "gateway""#)],
    expected: "model.unsupported"),
  ValidationCase(
    name: "reserved name prefix",
    edits: [
      (#""Name": "ecs-navi-alb""#, #""Name": "internal-alb""#),
      (#""ecs-navi-alb:80""#, #""internal-alb:80""#),
      (#""LoadBalancerArn": "ecs-navi-alb""#, #""LoadBalancerArn": "internal-alb""#),
    ],
    expected: "model.invalid-name"),
  ValidationCase(
    name: "ALB without security groups", edits: [(#""SecurityGroups": ["sg-alb"],"#, "")],
    expected: "model.missing-security-groups"),
  ValidationCase(
    name: "HTTP listener on port 0",
    edits: [(#""Protocol": "HTTP", "Port": 80"#, #""Protocol": "HTTP", "Port": 0"#)],
    expected: "schema.value-out-of-range"),
  ValidationCase(
    name: "TCP listener on an ALB",
    edits: [(#""Protocol": "HTTP", "Port": 80"#, #""Protocol": "TCP", "Port": 80"#)],
    expected: "model.invalid-listener-protocol"),
  ValidationCase(
    name: "HTTPS listener without certificate",
    edits: [(#""Protocol": "HTTP", "Port": 80"#, #""Protocol": "HTTPS", "Port": 80"#)],
    expected: "model.missing-certificate"),
  ValidationCase(
    name: "priority used twice", edits: [(#""Priority": 2"#, #""Priority": 1"#)],
    expected: "model.priority-in-use"),
  ValidationCase(
    name: "priority 0", edits: [(#""Priority": 2"#, #""Priority": 0"#)],
    expected: "schema.value-out-of-range"),
  ValidationCase(
    name: "priority 50001", edits: [(#""Priority": 2"#, #""Priority": 50001"#)],
    expected: "schema.value-out-of-range"),
  ValidationCase(
    name: "priority 'default'", edits: [(#""Priority": 2"#, #""Priority": "default""#)],
    expected: "schema.invalid-value"),
  ValidationCase(
    name: "two host-header conditions",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "host-header", "Values": ["a.example.com"]}, {"Field": "host-header", "Values": ["b.example.com"]}]"#
      )
    ],
    expected: "model.duplicate-condition"),
  ValidationCase(
    name: "four values in one condition",
    edits: [
      (hostRule, #""Conditions": [{"Field": "path-pattern", "Values": ["/a", "/b", "/c", "/d"]}]"#)
    ],
    expected: "model.rule-limit"),
  ValidationCase(
    name: "six match evaluations",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "path-pattern", "Values": ["/a", "/b", "/c"]}, {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET", "PUT", "POST"]}}]"#
      )
    ],
    expected: "model.rule-limit"),
  ValidationCase(
    name: "six wildcards",
    edits: [
      (hostRule, #""Conditions": [{"Field": "path-pattern", "Values": ["/*/*/*", "/?/?/?"]}]"#)
    ],
    expected: "model.rule-limit"),
  ValidationCase(
    name: "host without a dot", edits: [(#"["api.ecs-navi.site"]"#, #"["localhost"]"#)],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "digits after the last dot",
    edits: [(#"["api.ecs-navi.site"]"#, #"["api.ecs-navi.s1te"]"#)],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "lower-case method",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["get"]}}]"#
      )
    ],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "broadcast source-ip",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "source-ip", "SourceIpConfig": {"Values": ["255.255.255.255/32"]}}]"#
      )
    ],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "malformed source-ip",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "source-ip", "SourceIpConfig": {"Values": ["10.0.0.0/33"]}}]"#
      )
    ],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "header name with a space",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X Env", "Values": ["prod"]}}]"#
      )
    ],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "malformed path regex",
    edits: [
      (
        hostRule,
        #""Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"RegexValues": ["^/api/(v1"]}}]"#
      )
    ],
    expected: "model.invalid-condition"),
  ValidationCase(
    name: "rule without conditions", edits: [(hostRule, #""Conditions": []"#)],
    expected: "model.invalid-rule"),
  ValidationCase(
    name: "fixed response 302", edits: [(#""StatusCode": "404""#, #""StatusCode": "302""#)],
    expected: "model.invalid-fixed-response"),
  ValidationCase(
    name: "fixed response text/xml",
    edits: [(#""ContentType": "text/plain""#, #""ContentType": "text/xml""#)],
    expected: "model.invalid-fixed-response"),
  ValidationCase(
    name: "redirect that changes nothing",
    edits: [
      (
        fixed404,
        #"{"Type": "redirect", "RedirectConfig": {"StatusCode": "HTTP_301", "Query": "x=1"}}"#
      )
    ],
    expected: "model.invalid-redirect"),
  ValidationCase(
    name: "redirect 303",
    edits: [
      (
        fixed404,
        #"{"Type": "redirect", "RedirectConfig": {"StatusCode": "HTTP_303", "Protocol": "HTTPS"}}"#
      )
    ],
    expected: "model.invalid-redirect"),
  ValidationCase(
    name: "redirect HTTPS to HTTP",
    edits: [
      (
        #""Protocol": "HTTP", "Port": 80"#,
        #""Protocol": "HTTPS", "Port": 443, "Certificates": [{"CertificateArn": "arn:aws:acm:ap-northeast-1:123456789012:certificate/1"}]"#
      ),
      (
        fixed404,
        #"{"Type": "redirect", "RedirectConfig": {"StatusCode": "HTTP_301", "Protocol": "HTTP", "Port": "80"}}"#
      ),
      ("ecs-navi-alb:80", "ecs-navi-alb:443"),
    ],
    expected: "model.invalid-redirect"),
  ValidationCase(
    name: "two terminal actions",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg", "Order": 1}, {"Type": "forward", "TargetGroupArn": "proxy-tg", "Order": 2}]"#
      )
    ],
    expected: "model.invalid-actions"),
  ValidationCase(
    name: "six target groups",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "backend-tg"}, {"TargetGroupArn": "backend-tg"}, {"TargetGroupArn": "backend-tg"}, {"TargetGroupArn": "backend-tg"}, {"TargetGroupArn": "backend-tg"}, {"TargetGroupArn": "proxy-tg"}]}}]"#
      )
    ],
    expected: "model.invalid-actions"),
  ValidationCase(
    name: "weight 1000",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "backend-tg", "Weight": 1000}]}}]"#
      )
    ],
    expected: "schema.value-out-of-range"),
  ValidationCase(
    name: "all weights zero",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "backend-tg", "Weight": 0}, {"TargetGroupArn": "proxy-tg", "Weight": 0}]}}]"#
      )
    ],
    expected: "model.weights-sum-zero", severity: .warning),
  ValidationCase(
    name: "TargetGroupArn and a different ForwardConfig",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg", "ForwardConfig": {"TargetGroups": [{"TargetGroupArn": "backend-tg"}]}}]"#
      )
    ],
    expected: "model.invalid-actions"),
  ValidationCase(
    name: "unknown target group",
    edits: [(backendForward, #""Actions": [{"Type": "forward", "TargetGroupArn": "backend-tq"}]"#)],
    expected: "model.unresolved-reference"),
  ValidationCase(
    name: "TCP target group behind an HTTP listener",
    edits: [
      (#""Name": "backend-tg", "Protocol": "HTTP""#, #""Name": "backend-tg", "Protocol": "TCP""#)
    ],
    expected: "model.incompatible-target-group"),
  ValidationCase(
    name: "authenticate action",
    edits: [
      (
        backendForward,
        #""Actions": [{"Type": "authenticate-oidc", "Order": 1, "AuthenticateOidcConfig": {}}, {"Type": "forward", "TargetGroupArn": "backend-tg", "Order": 2}]"#
      )
    ],
    expected: "model.unsupported"),
  ValidationCase(
    name: "unknown listener",
    edits: [
      (
        #""ListenerArn": "ecs-navi-alb:80", "Priority": 2"#,
        #""ListenerArn": "ecs-navi-alb:8080", "Priority": 2"#
      )
    ],
    expected: "model.unresolved-reference"),
  ValidationCase(
    name: "instance target group for awsvpc tasks",
    edits: [
      (
        #""Name": "backend-tg", "Protocol": "HTTP", "Port": 3000, "VpcId": "vpc-navi", "TargetType": "ip""#,
        #""Name": "backend-tg", "Protocol": "HTTP", "Port": 3000, "VpcId": "vpc-navi""#
      )
    ],
    expected: "model.invalid-attachment"),
  ValidationCase(
    name: "container port not mapped",
    backendLoadBalancers:
      #"[{"targetGroupArn": "backend-tg", "containerName": "backend", "containerPort": 8080}]"#,
    expected: "model.invalid-attachment"),
  ValidationCase(
    name: "unknown container",
    backendLoadBalancers:
      #"[{"targetGroupArn": "backend-tg", "containerName": "app", "containerPort": 80}]"#,
    expected: "model.invalid-attachment"),
  ValidationCase(
    name: "target group without load balancer",
    edits: [(#""Priority": 2"#, #""Priority": 3"#), (backendForward, proxyForward)],
    expected: "model.target-group-without-load-balancer"),
  ValidationCase(
    name: "classic load balancer",
    backendLoadBalancers:
      #"[{"loadBalancerName": "classic", "containerName": "backend", "containerPort": 80}]"#,
    expected: "model.unsupported"),
  ValidationCase(
    name: "timeout not shorter than interval",
    edits: [
      (
        #""Name": "backend-tg", "Protocol": "HTTP""#,
        #""Name": "backend-tg", "HealthCheckIntervalSeconds": 5, "Protocol": "HTTP""#
      )
    ],
    expected: "model.invalid-health-check"),
  ValidationCase(
    name: "matcher 600",
    edits: [
      (
        #""Name": "backend-tg", "Protocol": "HTTP""#,
        #""Name": "backend-tg", "Matcher": {"HttpCode": "200-600"}, "Protocol": "HTTP""#
      )
    ],
    expected: "model.invalid-health-check"),
  ValidationCase(
    name: "TCP health check on an ALB group",
    edits: [
      (
        #""Name": "backend-tg", "Protocol": "HTTP""#,
        #""Name": "backend-tg", "HealthCheckProtocol": "TCP", "Protocol": "HTTP""#
      )
    ],
    expected: "model.invalid-health-check"),
  ValidationCase(
    name: "disabled health checks",
    edits: [
      (
        #""Name": "backend-tg", "Protocol": "HTTP""#,
        #""Name": "backend-tg", "HealthCheckEnabled": false, "Protocol": "HTTP""#
      )
    ],
    expected: "model.invalid-health-check"),
  ValidationCase(
    name: "misspelled attribute",
    edits: [
      (
        "\n\"rules\"",
        #" "loadBalancerAttributes": [{"LoadBalancerArn": "ecs-navi-alb", "Attributes": [{"Key": "idle_timeout.timeout_second", "Value": "30"}]}],"#
          + "\n\"rules\""
      )
    ],
    expected: "model.invalid-attribute"),
  ValidationCase(
    name: "cross-zone attribute on an ALB",
    edits: [
      (
        "\n\"rules\"",
        #" "loadBalancerAttributes": [{"LoadBalancerArn": "ecs-navi-alb", "Attributes": [{"Key": "load_balancing.cross_zone.enabled", "Value": "false"}]}],"#
          + "\n\"rules\""
      )
    ],
    expected: "model.invalid-attribute"),
  ValidationCase(
    name: "non-Boolean attribute value",
    edits: [
      (
        "\n\"rules\"",
        #" "targetGroupAttributes": [{"TargetGroupArn": "backend-tg", "Attributes": [{"Key": "stickiness.enabled", "Value": "yes"}]}],"#
          + "\n\"rules\""
      )
    ],
    expected: "model.invalid-attribute"),
]

@Suite struct LoadBalancingValidationTests {
  @Test(arguments: validationCases)
  func invalidConfigurationIsReported(_ testCase: ValidationCase) {
    let (_, engine) = testCase.fixture.build()
    let matching = engine.diagnostics.filter { $0.id.rawValue == testCase.expected }
    #expect(
      matching.count >= 1, "diagnostics: \(engine.diagnostics.map { "\($0.id): \($0.message)" })")
    #expect(matching.allSatisfy { $0.severity == testCase.severity && $0.location != nil })
    if testCase.severity == .warning {
      #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    }
  }

  @Test func unresolvedTargetGroupSuggestsTheClosestName() throws {
    let (_, engine) = ValidationCase(
      name: "typo",
      edits: [
        (backendForward, #""Actions": [{"Type": "forward", "TargetGroupArn": "backend-tq"}]"#)
      ],
      expected: ""
    ).fixture.build()
    let diagnostic = try #require(
      engine.diagnostics.first { $0.id.rawValue == "model.unresolved-reference" })
    #expect(diagnostic.message == "unknown target group 'backend-tq'")
    #expect(diagnostic.notes.map(\.message) == ["did you mean 'backend-tg'?"])
    #expect(diagnostic.path == "/elb/rules/1/Actions/0/TargetGroupArn")
  }

  @Test func targetGroupServesOneLoadBalancer() {
    var fixture = ScenarioFixture()
    fixture.elb = fixture.elb.replacingOccurrences(
      of: #""loadBalancers": ["#,
      with:
        #""loadBalancers": [{"Name": "second-alb", "Subnets": ["public-1a", "public-1c"], "SecurityGroups": ["sg-alb"]},"#
    )
    .replacingOccurrences(
      of: #""listeners": ["#,
      with:
        #""listeners": [{"LoadBalancerArn": "second-alb", "Protocol": "HTTP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]},"#
    )
    let (_, engine) = fixture.build()
    #expect(ScenarioFixture.errorIDs(engine) == ["model.target-group-shared"])
  }

  @Test func ruleOnNetworkLoadBalancerListenerIsRejected() {
    var fixture = ScenarioFixture()
    fixture.elb = """
      "loadBalancers": [{"Name": "nlb", "Type": "network", "Subnets": ["public-1a"]}],
      "targetGroups": [
        {"Name": "proxy-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"},
        {"Name": "backend-tg", "Protocol": "TCP", "Port": 80, "VpcId": "vpc-navi", "TargetType": "ip"}
      ],
      "listeners": [{"LoadBalancerArn": "nlb", "Protocol": "TCP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]},
                    {"LoadBalancerArn": "nlb", "Protocol": "TLS", "Port": 443, "Certificates": [{"CertificateArn": "c"}],
                     "DefaultActions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}],
      "rules": [{"ListenerArn": "nlb:80", "Priority": 1, \(hostRule), \(proxyForward)}]
      """
    let (_, engine) = fixture.build()
    #expect(ScenarioFixture.errorIDs(engine) == ["model.invalid-rule"])
  }
}
