import NetworkModel
import RouteMatching
import ScenarioFormat
import Testing

/// A request to a listener and the rule that must decide it.
struct ListenerCase: Sendable, CustomTestStringConvertible {
  var name: String
  var url: String
  var headers: [(String, String)] = []
  var expectedRule: String
  var testDescription: String { name }
}

@Suite struct ListenerRouteTableTests {
  /// Builds the fixture with `rules` on its listener and returns that listener.
  func listener(rules: String, defaultAction: String? = nil) throws -> LoadBalancerListener {
    var fixture = ScenarioFixture()
    fixture.proxyLoadBalancers = "[]"
    fixture.backendLoadBalancers = "[]"
    let start = try #require(fixture.elb.firstRange(of: #""rules": ["#))
    fixture.elb = String(fixture.elb[..<start.lowerBound]) + #""rules": ["# + rules + "]"
    if let defaultAction {
      fixture.elb = fixture.elb.replacingOccurrences(
        of:
          #"{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}"#,
        with: defaultAction)
    }
    let (model, engine) = fixture.build()
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    return try #require(model?.loadBalancing.listeners.first)
  }

  /// aws-behaviour §7 item 47: priority 5 host `*.example.com`, priority 10 path `/img/*`.
  static let precedenceRules = """
    {"ListenerArn": "ecs-navi-alb:80", "Priority": 10,
     "Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/img/*"]}}],
     "Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]},
    {"ListenerArn": "ecs-navi-alb:80", "Priority": 5,
     "Conditions": [{"Field": "host-header", "HostHeaderConfig": {"Values": ["*.example.com"]}}],
     "Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]}
    """

  @Test(arguments: [
    ListenerCase(
      name: "a.example.com /img/x", url: "http://a.example.com/img/x",
      expectedRule: "rule priority 5"),
    ListenerCase(
      name: "example.com /img/x", url: "http://example.com/img/x", expectedRule: "rule priority 10"),
    ListenerCase(
      name: "A.EXAMPLE.COM /other", url: "http://A.EXAMPLE.COM/other",
      expectedRule: "rule priority 5"),
    ListenerCase(
      name: "other.org /IMG/x", url: "http://other.org/IMG/x", expectedRule: "default action"),
  ])
  func lowestPriorityNumberWins(_ testCase: ListenerCase) throws {
    let table = try listener(rules: Self.precedenceRules).routeTable
    let request = try #require(
      RequestHead(method: "GET", url: testCase.url, headers: HTTPHeaders(testCase.headers)))
    #expect(table.firstMatch(request)?.rule.name == testCase.expectedRule)
    #expect(table.explain(request).evaluated.last?.name == testCase.expectedRule)
  }

  /// `howto-timeout-policy`: http-header rule (priority 1) before path `*` (priority 2).
  @Test(arguments: [
    ListenerCase(
      name: "alb-tp-1 Gateway: Virtual", url: "http://alb.example.com/color",
      headers: [("Gateway", "Virtual")],
      expectedRule: "rule priority 1"),
    ListenerCase(
      name: "alb-tp-2 gateway: virtual", url: "http://alb.example.com/color",
      headers: [("gateway", "virtual")],
      expectedRule: "rule priority 1"),
    ListenerCase(
      name: "alb-tp-3 no header", url: "http://alb.example.com/color",
      expectedRule: "rule priority 2"),
  ])
  func headerRuleBeforeCatchAllPath(_ testCase: ListenerCase) throws {
    let table = try listener(
      rules: """
        {"ListenerArn": "ecs-navi-alb:80", "Priority": 1,
         "Conditions": [{"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "Gateway", "Values": ["Virtual"]}}],
         "Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]},
        {"ListenerArn": "ecs-navi-alb:80", "Priority": 2,
         "Conditions": [{"Field": "path-pattern", "Values": ["*"]}],
         "Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]}
        """
    ).routeTable
    let request = try #require(
      RequestHead(method: "GET", url: testCase.url, headers: HTTPHeaders(testCase.headers)))
    #expect(table.firstMatch(request)?.rule.name == testCase.expectedRule)
  }

  @Test func conditionsOfARuleMustAllHold() throws {
    let table = try listener(
      rules: """
        {"ListenerArn": "ecs-navi-alb:80", "Priority": 3,
         "Conditions": [{"Field": "host-header", "Values": ["api.example.com"]},
                        {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["POST", "PUT"]}}],
         "Actions": [{"Type": "forward", "TargetGroupArn": "backend-tg"}]}
        """
    ).routeTable
    let post = try #require(RequestHead(method: "POST", url: "http://api.example.com/orders"))
    let get = try #require(RequestHead(method: "GET", url: "http://api.example.com/orders"))
    #expect(table.firstMatch(post)?.rule.name == "rule priority 3")
    #expect(table.firstMatch(get)?.rule.name == "default action")
    #expect(
      table.explain(get).lines.first
        == "rule priority 3: not matched — method: expected one of 'POST', 'PUT', found 'GET'")
  }

  /// `weighted_forward` of the case set: weights 10 and 20 send a third and two thirds.
  @Test func weightedForwardSplitsByRelativeWeight() throws {
    let listener = try listener(
      rules: "",
      defaultAction: """
        {"Type": "forward", "ForwardConfig": {"TargetGroups": [
          {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/proxy-tg/73e2d6bc24d8a067", "Weight": 10},
          {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/backend-tg/09966783158cda59", "Weight": 20}]}}
        """)
    guard case .forward(let forward) = listener.defaultAction else {
      Issue.record("expected a forward action")
      return
    }
    let choice = forward.choice
    var counts = [0: 0, 1: 0]
    for value in UInt64(0)..<30_000 { counts[choice.pick(randomValue: value)!, default: 0] += 1 }
    #expect(counts == [0: 10_000, 1: 20_000])
  }
}
