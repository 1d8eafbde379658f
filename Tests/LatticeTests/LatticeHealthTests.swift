import NetworkModel
import SimEngine
import Testing

/// Health checks over simulated time, ECS native registration and the no-fail-open rule
/// (aws-behaviour §3.3, §3.6, §3.9, gap C13).
@Suite struct LatticeHealthTests {
  /// An ECS service `app` (port mapping `web` on 80) registered in `app-tg`, checked every 10 s
  /// with thresholds 2/2 on `/health`.
  static func ecsFixture(
    desired: Int = 2, groups: String = #"["sg-0backend"]"#,
    health: String = #"{ "path": "/health" }"#,
    healthPath: String = #"{ "prefix": "/health", "status": 200 }"#
  ) -> LatticeFixture {
    var fixture = LatticeFixture()
    fixture.ecs = #"""
      { "clusters": [{ "clusterName": "c1" }],
        "taskDefinitions": [{ "family": "app", "containerDefinitions": [{ "name": "app", "portMappings": [{ "name": "web", "containerPort": 80 }],
                              "behavior": { "body": "app", "paths": [\#(healthPath)] } }] }],
        "services": [{ "serviceName": "app", "cluster": "c1", "taskDefinition": "app", "desiredCount": \#(desired),
                       "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-provider"], "securityGroups": \#(groups) } },
                       "vpcLatticeConfigurations": [{ "targetGroupArn": "app-tg", "portName": "web" }] }] }
      """#
    var check = health
    check.removeLast()
    check +=
      #", "healthCheckIntervalSeconds": 10, "healthyThresholdCount": 2, "unhealthyThresholdCount": 2 }"#
    fixture.targetGroups.append(
      #"{ "name": "app-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider", "healthCheck": \#(check) } }"#
    )
    fixture.defaultAction =
      #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "app-tg" }] } }"#
    fixture.traffic = [LatticeFixture.stream("s", count: 100, extra: #", "rate": "1/s""#)]
    return fixture
  }

  /// Counts of (disposition, task) for requests started in [from, to) seconds.
  static func window(_ result: RunResult, from: Int, to: Int) -> [String: Int] {
    var counts: [String: Int] = [:]
    for (second, rows) in result.streams[0].perSecond where second >= from && second < to {
      for row in rows { counts["\(row.disposition) \(row.task ?? "-")", default: 0] += row.count }
    }
    return counts
  }

  @Test func healthyTargetsServeRoundRobin() throws {
    let result = try #require(Self.ecsFixture().run())
    #expect(
      Self.window(result, from: 0, to: 100) == ["delivered app/1": 50, "delivered app/2": 50])
  }

  @Test func prefixListAddedLaterMakesTargetsHealthyAfterTheThreshold() throws {
    var fixture = Self.ecsFixture(groups: #"["sg-0tasks"]"#)
    fixture.securityGroups = [
      #"{ "GroupId": "sg-0tasks", "GroupName": "tasks", "VpcId": "vpc-0provider", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }] }"#
    ]
    fixture.events = [
      #"{ "at": "60s", "authorizeSecurityGroupIngress": { "GroupId": "sg-0tasks", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "PrefixListIds": [{ "PrefixListId": "pl-vpc-lattice" }] }] } }"#
    ]
    let result = try #require(fixture.run())
    // Checks at 0 and 10 fail (UNHEALTHY from 10 s); from 60 s they pass; two passes → HEALTHY at 70 s.
    #expect(Self.window(result, from: 0, to: 70) == ["noHealthyTarget -": 70])
    #expect(
      Self.window(result, from: 70, to: 100) == ["delivered app/1": 15, "delivered app/2": 15])
    let lines = result.timeline.map(\.text)
    #expect(
      lines.contains {
        $0.contains("security groups of") && $0.contains("now admit traffic from VPC Lattice")
      })
    #expect(
      lines.contains {
        $0.contains("(app/1) in target group 'app-tg' passed") && $0.hasSuffix("target HEALTHY")
      })
  }

  @Test func failingTaskLeavesRotationAfterUnhealthyThreshold() throws {
    var fixture = Self.ecsFixture()
    fixture.events = [#"{ "at": "30s", "failHealthChecks": { "task": "app/2" } }"#]
    let result = try #require(fixture.run())
    // Checks at 30 and 40 fail: UNHEALTHY from 40 s.
    #expect(Self.window(result, from: 0, to: 40) == ["delivered app/1": 20, "delivered app/2": 20])
    #expect(Self.window(result, from: 41, to: 100) == ["delivered app/1": 59])
  }

  @Test func noFailOpenWhenEveryTargetIsUnhealthy() throws {
    var fixture = Self.ecsFixture()
    fixture.events = [
      #"{ "at": "30s", "failHealthChecks": { "task": "app/1" } }"#,
      #"{ "at": "30s", "failHealthChecks": { "task": "app/2" } }"#,
    ]
    let result = try #require(fixture.run())
    #expect(Self.window(result, from: 41, to: 100) == ["noHealthyTarget -": 59])
  }

  @Test func matcherDecidesHealth() throws {
    let fixture = Self.ecsFixture(healthPath: #"{ "prefix": "/health", "status": 503 }"#)
    let result = try #require(fixture.run())
    #expect(Self.window(result, from: 0, to: 100) == ["noHealthyTarget -": 100])
    #expect(result.timeline.contains { $0.text.contains("/health answered 503, matcher 200") })
  }

  @Test func disabledChecksLeaveTargetsUnavailableButServing() throws {
    let fixture = Self.ecsFixture(
      health: #"{ "enabled": false }"#, healthPath: #"{ "prefix": "/health", "status": 503 }"#)
    let result = try #require(fixture.run())
    #expect(
      Self.window(result, from: 0, to: 100) == ["delivered app/1": 50, "delivered app/2": 50])
  }

  @Test func newTaskNeedsOnePassingCheckAndStoppedTaskLeaves() throws {
    var fixture = Self.ecsFixture(desired: 1)
    fixture.events = [
      #"{ "at": "10s", "updateService": { "service": "app", "desiredCount": 2 } }"#,
      #"{ "at": "60s", "updateService": { "service": "app", "desiredCount": 1 } }"#,
    ]
    let result = try #require(fixture.run())
    // The second task is RUNNING at 30 s (start delay 20 s), checked at once, and serves until
    // it is stopped (and deregistered) at 60 s.
    #expect(Self.window(result, from: 0, to: 30) == ["delivered app/1": 30])
    #expect(
      Self.window(result, from: 31, to: 60) == ["delivered app/1": 15, "delivered app/2": 14])
    #expect(Self.window(result, from: 60, to: 100) == ["delivered app/1": 40])
    #expect(
      result.timeline.contains { $0.text.contains("registered") && $0.text.contains("(app/2)") })
    #expect(
      result.timeline.contains {
        $0.text == "VPC Lattice: deregistered app/2 from target group 'app-tg'"
      })
  }
}
