import Diagnostics
import NetworkModel
import RouteMatching
import ScenarioFormat
import SimKernel
import Testing

@Suite struct LoadBalancingEventTests {
  /// Builds the fixture with `events`; returns the model's ELB changes in firing order.
  func changes(_ events: String, edit: (inout ScenarioFixture) -> Void = { _ in }) -> (
    [LoadBalancerChange], DiagnosticEngine, NetworkModel?
  ) {
    var fixture = ScenarioFixture()
    fixture.events = events
    edit(&fixture)
    let (model, engine) = fixture.build()
    return (model?.loadBalancing.changes.map(\.change) ?? [], engine, model)
  }

  @Test func modifyRuleChangesWeightsAndKeepsConditions() throws {
    let (changes, engine, model) = changes(
      """
      [{"at": "30s", "modifyRule": {"RuleArn": "ecs-navi-alb:80:2", "Actions": [{"Type": "forward", "ForwardConfig": {
        "TargetGroups": [{"TargetGroupArn": "backend-tg", "Weight": 80}, {"TargetGroupArn": "proxy-tg", "Weight": 20}]}}]}}]
      """)
    #expect(engine.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    guard case .modifyRule(let listener, let rule, let replacement) = try #require(changes.first)
    else {
      Issue.record("expected modifyRule")
      return
    }
    #expect(listener == 0 && rule == 1)
    #expect(replacement.priority == 2)
    #expect(replacement.conditions == model?.loadBalancing.listeners[0].rules[1].conditions)
    #expect(replacement.action.targetGroups == [1, 0])
    guard case .forward(let forward) = replacement.action else { return }
    #expect(forward.targetGroups.map(\.weight) == [80, 20])
  }

  @Test func laterChangesBuildOnEarlierOnes() throws {
    let (changes, engine, _) = changes(
      """
      [{"at": "20s", "modifyRule": {"RuleArn": "ecs-navi-alb:80:2", "Actions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]}},
       {"at": "10s", "modifyRule": {"RuleArn": "ecs-navi-alb:80:2", "Conditions": [{"Field": "path-pattern", "Values": ["/api/*"]}]}}]
      """)
    #expect(!engine.hasErrors)
    #expect(changes.count == 2)
    guard case .modifyRule(_, _, let first) = changes[0],
      case .modifyRule(_, _, let second) = changes[1]
    else {
      Issue.record("expected two rule changes")
      return
    }
    #expect(first.conditions == [.path(.wildcard("/api/*", caseSensitive: true))])
    #expect(first.action.targetGroups == [1])
    #expect(second.conditions == first.conditions)
    #expect(second.action.targetGroups == [0])
  }

  @Test func ruleReferenceByNameTag() throws {
    let (changes, engine, _) = changes(
      """
      [{"at": "5s", "modifyRule": {"RuleArn": "api-rule", "Conditions": [{"Field": "host-header", "Values": ["api2.ecs-navi.site"]}]}}]
      """
    ) { fixture in
      fixture.elb = fixture.elb.replacingOccurrences(
        of: #""Priority": 2,"#,
        with: #""Priority": 2, "Tags": [{"Key": "Name", "Value": "api-rule"}],"#)
    }
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    guard case .modifyRule(_, let rule, let replacement) = try #require(changes.first) else {
      return
    }
    #expect(rule == 1 && replacement.label == "rule priority 2 (api-rule)")
  }

  @Test func unknownRuleIsReported() {
    let (_, engine, _) = changes(
      #"[{"at": "5s", "modifyRule": {"RuleArn": "ecs-navi-alb:80:9", "Actions": []}}]"#)
    #expect(ScenarioFixture.errorIDs(engine) == ["model.unresolved-reference"])
  }

  @Test func modifyTargetGroupAndAttributes() throws {
    let (changes, engine, _) = changes(
      """
      [{"at": "5s", "modifyTargetGroup": {"TargetGroupArn": "backend-tg", "HealthCheckIntervalSeconds": 10, "UnhealthyThresholdCount": 3}},
       {"at": "6s", "modifyTargetGroup": {"TargetGroupArn": "backend-tg", "HealthCheckPath": "/health"}},
       {"at": "7s", "modifyTargetGroupAttributes": {"TargetGroupArn": "backend-tg", "Attributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "0"}]}},
       {"at": "8s", "modifyLoadBalancerAttributes": {"LoadBalancerArn": "ecs-navi-alb", "Attributes": [{"Key": "idle_timeout.timeout_seconds", "Value": "5"}]}}]
      """)
    #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.message))")
    guard changes.count == 4, case .modifyTargetGroup(1, let settings) = changes[1],
      case .modifyTargetGroupAttributes(1, let attributes) = changes[2],
      case .modifyLoadBalancerAttributes(0, let lbAttributes) = changes[3]
    else {
      Issue.record("unexpected changes \(changes)")
      return
    }
    #expect(
      settings.interval == .seconds(10) && settings.unhealthyThreshold == 3
        && settings.path == "/health")
    #expect(attributes.deregistrationDelay == .zero)
    #expect(lbAttributes.idleTimeout == .seconds(5))
  }

  @Test func modifyListenerForwardsToANewTargetGroup() throws {
    let (changes, engine, model) = changes(
      """
      [{"at": "5s", "modifyListener": {"ListenerArn": "ecs-navi-alb:80", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "proxy-tg"}]}}]
      """)
    #expect(!engine.hasErrors)
    guard case .modifyListener(0, .http, 80, let action) = try #require(changes.first) else {
      Issue.record("expected modifyListener")
      return
    }
    #expect(action.targetGroups == [0])
    #expect(model?.loadBalancing.listeners[0].defaultAction.targetGroups == [])
  }

  @Test(arguments: [
    (#"{"Id": "10.0.10.50"}"#, nil as String?),
    (#"{"Id": "172.16.0.5"}"#, "model.invalid-target"),
    (#"{"Id": "172.16.0.5", "AvailabilityZone": "all", "Port": 8080}"#, nil),
    (#"{"Id": "8.8.8.8", "AvailabilityZone": "all"}"#, "model.invalid-target"),
    (#"{"Id": "i-0123456789"}"#, "model.invalid-target"),
  ])
  func registerTargets(target: String, expected: String?) throws {
    let (changes, engine, _) = changes(
      """
      [{"at": "5s", "registerTargets": {"TargetGroupArn": "backend-tg", "Targets": [\(target)]}}]
      """)
    #expect(ScenarioFixture.errorIDs(engine) == (expected.map { [$0] } ?? []))
    if expected == nil {
      guard case .registerTargets(1, let targets) = try #require(changes.first) else { return }
      #expect(targets.count == 1)
      #expect(targets[0].port == (target.contains("8080") ? 8080 : 3000))
    }
  }

  @Test func changeIsFoundFromItsEventSpec() throws {
    var fixture = ScenarioFixture()
    fixture.events =
      #"[{"at": "5s", "modifyTargetGroup": {"TargetGroupArn": "backend-tg", "HealthCheckPath": "/ping"}}]"#
    let (built, _) = fixture.build()
    let model = try #require(built)
    guard case .serviceCall(let call) = try #require(model.events.first).action,
      case .elb(let spec) = call.body
    else {
      Issue.record("expected an ELB call event")
      return
    }
    guard
      case .modifyTargetGroup(1, let settings) = try #require(
        model.loadBalancing.change(for: spec))
    else { return }
    #expect(settings.path == "/ping")
  }
}
