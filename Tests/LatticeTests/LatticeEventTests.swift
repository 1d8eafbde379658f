import NetworkModel
import SimEngine
import Testing

/// `lattice` call events change the live configuration from their time on.
@Suite struct LatticeEventTests {
  static func run(_ events: [String], change: (inout LatticeFixture) -> Void = { _ in }) throws
    -> RunResult
  {
    var fixture = LatticeFixture()
    change(&fixture)
    fixture.events = events
    fixture.traffic = [LatticeFixture.stream("s", count: 20, extra: #", "rate": "1/s""#)]
    return try #require(fixture.run())
  }

  /// Statuses of requests started before and after 10 s.
  static func statuses(_ result: RunResult) -> (before: Set<Int>, after: Set<Int>) {
    var before: Set<Int> = []
    var after: Set<Int> = []
    for (second, rows) in result.streams[0].perSecond {
      for row in rows {
        if second < 10 { before.insert(row.status ?? 0) } else { after.insert(row.status ?? 0) }
      }
    }
    return (before, after)
  }

  @Test func updateListenerReplacesTheDefaultAction() throws {
    let result = try Self.run([
      #"{ "at": "10s", "updateListener": { "serviceIdentifier": "svc", "listenerIdentifier": "http", "defaultAction": { "fixedResponse": { "statusCode": 404 } } } }"#
    ])
    #expect(Self.statuses(result) == ([200], [404]))
    #expect(
      result.timeline.contains {
        $0.text == "VPC Lattice: UpdateListener: new default action on HTTP:80 listener 'http'"
      })
  }

  @Test func updateServiceTurnsOnIAMWithoutPolicy() throws {
    let result = try Self.run([
      #"{ "at": "10s", "updateService": { "serviceIdentifier": "svc", "authType": "AWS_IAM" } }"#
    ])
    #expect(Self.statuses(result) == ([200], [403]))
  }

  @Test func updateServiceNetworkWithPolicyAlreadyAttached() throws {
    let result = try Self.run([
      #"{ "at": "10s", "updateServiceNetwork": { "serviceNetworkIdentifier": "net", "authType": "AWS_IAM" } }"#
    ]) {
      $0.policies = [
        #"{ "resourceIdentifier": "net", "policy": { "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*" }] } }"#
      ]
    }
    #expect(Self.statuses(result) == ([200], [403]))
  }

  @Test func deleteAuthPolicyLeavesIAMDenyingEverything() throws {
    let result = try Self.run([
      #"{ "at": "10s", "deleteAuthPolicy": { "resourceIdentifier": "svc" } }"#
    ]) {
      $0.serviceAuth = "AWS_IAM"
      $0.policies = [
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }] } }"#
      ]
    }
    #expect(Self.statuses(result) == ([200], [403]))
  }

  @Test func updateRulePriorityReordersTheListener() throws {
    let result = try Self.run([
      #"{ "at": "10s", "updateRule": { "listenerIdentifier": "http", "ruleIdentifier": "not-found", "priority": 1 } }"#
    ]) {
      $0.rules = [
        #"{ "listenerIdentifier": "http", "name": "server-error", "priority": 2, "match": { "httpMatch": { "method": "GET" } }, "action": { "fixedResponse": { "statusCode": 500 } } }"#,
        #"{ "listenerIdentifier": "http", "name": "not-found", "priority": 3, "match": { "httpMatch": { "method": "GET" } }, "action": { "fixedResponse": { "statusCode": 404 } } }"#,
      ]
    }
    #expect(Self.statuses(result) == ([500], [404]))
  }

  @Test func albTargetResolvedByDNSName() throws {
    var fixture = LatticeFixture()
    fixture.externals = [
      #"{ "name": "internal-alb", "hostname": "internal-orders-alb-123.us-east-1.elb.example", "subnet": "subnet-provider", "ipAddress": "10.0.1.30", "ports": [80] }"#
    ]
    fixture.targetGroups = [
      #"{ "name": "backend-tg", "type": "ALB", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "internal-orders-alb-123.us-east-1.elb.example" }] }"#
    ]
    fixture.traffic = [LatticeFixture.stream("s")]
    let result = try #require(fixture.run())
    #expect(result.rows("s").map(\.service) == ["internal-alb"])
  }
}
