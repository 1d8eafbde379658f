import Diagnostics
import ScenarioFormat
import Testing

@Suite struct ELBSectionDecoderTests {
  /// Decodes the fixture with `elb` as its `elb` section.
  func decode(_ elb: String, events: String = "[]") -> (ELBSection?, DiagnosticEngine) {
    var fixture = ScenarioFixture()
    fixture.elb = elb
    fixture.events = events
    let (document, engine) = fixture.document()
    return (document?.elb, engine)
  }

  func ids(_ engine: DiagnosticEngine) -> [String] { engine.diagnostics.map(\.id.rawValue) }

  @Test func decodesEveryResourceShape() throws {
    let (section, engine) = decode(
      """
      "loadBalancers": [{"Name": "web", "Type": "network", "Scheme": "internal", "SubnetMappings": [{"SubnetId": "private-1a"}],
                         "IpAddressType": "ipv4", "Tags": [{"Key": "team", "Value": "a"}]}],
      "targetGroups": [{"Name": "tg", "Protocol": "TCP", "Port": 8080, "VpcId": "vpc-navi", "TargetType": "ip",
                        "HealthCheckProtocol": "HTTP", "HealthCheckPort": 8081, "HealthCheckPath": "/ping",
                        "HealthCheckIntervalSeconds": 10, "HealthCheckTimeoutSeconds": 6, "HealthyThresholdCount": 3,
                        "UnhealthyThresholdCount": 3, "Matcher": {"HttpCode": "200-299"}}],
      "listeners": [{"LoadBalancerArn": "web", "Protocol": "TLS", "Port": 443, "Certificates": [{"CertificateArn": "cert", "IsDefault": true}],
                     "SslPolicy": "ELBSecurityPolicy-2016-08", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "tg"}]}],
      "rules": [{"ListenerArn": "web:443", "Priority": "7", "Tags": [{"Key": "Name", "Value": "canary"}],
                 "Conditions": [
                   {"Field": "host-header", "HostHeaderConfig": {"Values": ["a.example.com"]}},
                   {"Field": "path-pattern", "Values": ["/a/*"]},
                   {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "x-env", "Values": ["prod"], "RegexValues": ["p.*"]}},
                   {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["GET"]}},
                   {"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": "v", "Value": "1"}, {"Value": "x"}]}},
                   {"Field": "source-ip", "SourceIpConfig": {"Values": ["10.0.0.0/8"]}}],
                 "Actions": [{"Type": "forward", "Order": 1, "ForwardConfig": {
                   "TargetGroups": [{"TargetGroupArn": "tg", "Weight": 90}, {"TargetGroupArn": "tg2"}],
                   "TargetGroupStickinessConfig": {"Enabled": true, "DurationSeconds": 60}}}]},
                {"ListenerArn": "web:443", "Priority": 8, "Conditions": [{"Field": "path-pattern", "Values": ["/old"]}],
                 "Actions": [{"Type": "redirect", "RedirectConfig": {"StatusCode": "HTTP_301", "Protocol": "HTTPS", "Port": 443, "Path": "/new"}}]},
                {"ListenerArn": "web:443", "Priority": 9, "Conditions": [{"Field": "path-pattern", "Values": ["/gone"]}],
                 "Actions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "410", "MessageBody": "gone"}}]}]
      """)
    #expect(engine.diagnostics.map(\.message) == [])
    let elb = try #require(section)
    let lb = try #require(elb.loadBalancers.first)
    #expect(
      (lb.name, lb.kind, lb.scheme, lb.subnets, lb.securityGroups == nil) == (
        "web", .network, .internal, ["private-1a"], true
      ))
    let group = try #require(elb.targetGroups.first)
    #expect(group.protocol == .tcp && group.port == 8080 && group.targetType == .ip)
    let health = group.healthCheck
    #expect(health.protocol == .http && health.port == "8081" && health.path == "/ping")
    #expect(
      health.intervalSeconds == 10 && health.timeoutSeconds == 6
        && health.healthyThresholdCount == 3)
    #expect(health.unhealthyThresholdCount == 3 && health.httpCode == "200-299")
    let listener = try #require(elb.listeners.first)
    #expect(listener.protocol == .tls && listener.port == 443 && listener.certificates == ["cert"])
    #expect(elb.rules.map(\.priority) == [7, 8, 9])
    let rule = elb.rules[0]
    #expect(rule.tags.nameTag == "canary")
    #expect(
      rule.conditions.map(\.field) == [
        .hostHeader, .pathPattern, .httpHeader, .httpRequestMethod, .queryString, .sourceIP,
      ])
    #expect(
      rule.conditions[2].headerName == "x-env" && rule.conditions[2].values == ["prod"]
        && rule.conditions[2].regexValues == ["p.*"])
    #expect(
      rule.conditions[4].queryValues == [.init(key: "v", value: "1"), .init(key: nil, value: "x")])
    guard case .forward(let forward) = rule.actions.first?.kind else {
      Issue.record("expected forward")
      return
    }
    #expect(forward.targetGroups.map(\.targetGroup) == ["tg", "tg2"])
    #expect(forward.targetGroups.map(\.weight) == [90, nil])
    #expect(forward.stickinessEnabled && forward.stickinessDurationSeconds == 60)
    guard case .redirect(let redirect) = elb.rules[1].actions.first?.kind,
      case .fixedResponse(let fixed) = elb.rules[2].actions.first?.kind
    else {
      Issue.record("expected redirect and fixed-response")
      return
    }
    #expect(
      redirect.statusCode == "HTTP_301" && redirect.port == "443" && redirect.path == "/new"
        && redirect.host == nil)
    #expect(fixed.statusCode == "410" && fixed.messageBody == "gone" && fixed.contentType == nil)
  }

  @Test(arguments: [
    (
      #"{"Field": "path-pattern", "HostHeaderConfig": {"Values": ["a.example.com"]}}"#,
      "schema.invalid-value"
    ),
    (
      #"{"Field": "http-header", "Values": ["x"], "HttpHeaderConfig": {"HttpHeaderName": "x", "Values": ["y"]}}"#,
      "schema.invalid-value"
    ),
    (
      #"{"Field": "host-header", "Values": ["a.example.com"], "HostHeaderConfig": {"Values": ["b.example.com"]}}"#,
      "schema.invalid-value"
    ),
    (#"{"Field": "host_header", "Values": ["a.example.com"]}"#, "schema.invalid-value"),
    (#"{"Field": "path-pattern"}"#, "schema.missing-key"),
    (#"{"Field": "path-pattern", "PathPatternConfig": {"Value": ["/a"]}}"#, "schema.unknown-key"),
  ])
  func malformedConditionIsReported(condition: String, expected: String) {
    let (_, engine) = decode(
      """
      "rules": [{"ListenerArn": "x:80", "Priority": 1, "Conditions": [\(condition)],
                 "Actions": [{"Type": "forward", "TargetGroupArn": "tg"}]}]
      """)
    #expect(ids(engine).contains(expected), "\(engine.diagnostics.map(\.message))")
  }

  @Test(arguments: [
    (#"{"Type": "forward"}"#, "schema.missing-key"),
    (
      #"{"Type": "forward", "TargetGroupArn": "tg", "FixedResponseConfig": {"StatusCode": "200"}}"#,
      "schema.invalid-value"
    ),
    (#"{"Type": "fixed-response"}"#, "schema.missing-key"),
    (#"{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}"#, "schema.missing-key"),
    (#"{"Type": "forwards", "TargetGroupArn": "tg"}"#, "schema.invalid-value"),
    (#"{"Type": "forward", "TargetGroupArn": "tg", "Weight": 3}"#, "schema.unknown-key"),
  ])
  func malformedActionIsReported(action: String, expected: String) {
    let (_, engine) = decode(
      """
      "rules": [{"ListenerArn": "x:80", "Priority": 1, "Conditions": [{"Field": "path-pattern", "Values": ["/"]}],
                 "Actions": [\(action)]}]
      """)
    #expect(ids(engine).contains(expected), "\(engine.diagnostics.map(\.message))")
  }

  @Test func misspelledKeySuggestsTheAPIName() throws {
    let (_, engine) = decode(
      #""targetGroups": [{"Name": "tg", "Protocol": "HTTP", "Port": 80, "VpcId": "v", "HealthCheckPth": "/"}]"#
    )
    let diagnostic = try #require(engine.diagnostics.first)
    #expect(diagnostic.id == .schemaUnknownKey)
    #expect(diagnostic.notes.map(\.message) == ["did you mean 'HealthCheckPath'?"])
    #expect(diagnostic.path == "/elb/targetGroups/0/HealthCheckPth")
  }

  @Test func transformsAreReportedAsNotModelled() {
    let (_, engine) = decode(
      """
      "rules": [{"ListenerArn": "x:80", "Priority": 1, "Conditions": [{"Field": "path-pattern", "Values": ["/"]}],
                 "Actions": [{"Type": "forward", "TargetGroupArn": "tg"}], "Transforms": []}]
      """)
    #expect(ids(engine) == ["schema.unsupported"])
  }

  @Test func decodesEveryEventOperation() throws {
    var fixture = ScenarioFixture()
    fixture.events = """
      [{"at": "10s", "modifyRule": {"RuleArn": "r", "Actions": [{"Type": "forward", "TargetGroupArn": "tg"}]}},
       {"at": "11s", "modifyListener": {"ListenerArn": "l", "Port": 8080}},
       {"at": "12s", "modifyTargetGroup": {"TargetGroupArn": "tg", "HealthCheckPath": "/health"}},
       {"at": "13s", "modifyLoadBalancerAttributes": {"LoadBalancerArn": "lb", "Attributes": [{"Key": "k", "Value": "v"}]}},
       {"at": "14s", "modifyTargetGroupAttributes": {"TargetGroupArn": "tg", "Attributes": [{"Key": "k", "Value": true}]}},
       {"at": "15s", "registerTargets": {"TargetGroupArn": "tg", "Targets": [{"Id": "10.0.10.9", "Port": 80}]}},
       {"at": "16s", "deregisterTargets": {"TargetGroupArn": "tg", "Targets": [{"Id": "10.0.10.9"}]}}]
      """
    let (document, engine) = fixture.document()
    #expect(engine.diagnostics.map(\.message) == [])
    let operations = try #require(document).events.compactMap { event -> String? in
      guard case .serviceCall(let call) = event.action, case .elb(let spec) = call.body else {
        return nil
      }
      switch spec {
      case .modifyRule(let body):
        return "modifyRule \(body.rule) \(body.actions?.count ?? -1) \(body.conditions == nil)"
      case .modifyListener(let body): return "modifyListener \(body.listener) \(body.port ?? 0)"
      case .modifyTargetGroup(let body): return "modifyTargetGroup \(body.healthCheck.path ?? "")"
      case .modifyLoadBalancerAttributes(let body):
        return "lbAttributes \(body.attributes.map(\.value))"
      case .modifyTargetGroupAttributes(let body):
        return "tgAttributes \(body.attributes.map(\.value))"
      case .registerTargets(let body):
        return "register \(body.targets.map(\.id)) \(body.targets.map(\.port))"
      case .deregisterTargets(let body): return "deregister \(body.targets.map(\.id))"
      }
    }
    #expect(
      operations == [
        "modifyRule r 1 true", "modifyListener l 8080", "modifyTargetGroup /health",
        #"lbAttributes ["v"]"#,
        #"tgAttributes ["true"]"#, #"register ["10.0.10.9"] [Optional(80)]"#,
        #"deregister ["10.0.10.9"]"#,
      ])
  }
}
