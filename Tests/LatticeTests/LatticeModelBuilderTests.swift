import Diagnostics
import NetworkModel
import Testing

/// The `lattice` section's validation: each problem reported with its id at its field
/// (aws-behaviour §3, gap decisions C10–C12).
@Suite struct LatticeModelBuilderTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var expected: String
    var builds: Bool = false
    var change: @Sendable (inout LatticeFixture) -> Void
    var testDescription: String { name }
  }

  static func rule(
    _ name: String, _ priority: Int,
    match: String = #"{ "pathMatch": { "match": { "prefix": "/x" } } }"#,
    action: String = #"{ "fixedResponse": { "statusCode": 404 } }"#
  ) -> String {
    #"{ "serviceIdentifier": "svc", "listenerIdentifier": "http", "name": "\#(name)", "priority": \#(priority), "match": { "httpMatch": \#(match) }, "action": \#(action) }"#
  }

  static func ecsService(targetGroup: String, portName: String) -> String {
    #"""
    { "clusters": [{ "clusterName": "c1" }],
      "taskDefinitions": [{ "family": "app", "containerDefinitions": [{ "name": "app", "portMappings": [{ "name": "web", "containerPort": 8080 }] }] }],
      "services": [{ "serviceName": "app", "taskDefinition": "app", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-provider"] } },
                     "vpcLatticeConfigurations": [{ "targetGroupArn": "\#(targetGroup)", "portName": "\#(portName)" }] }] }
    """#
  }

  static let cases: [Case] = [
    Case(name: "duplicate priority", expected: "model.duplicate-priority") {
      $0.rules = [rule("first", 5), rule("second", 5)]
    },
    Case(
      name: "priority above the console range warns (C10)", expected: "model.lattice-priority",
      builds: true
    ) {
      $0.rules = [rule("late", 150)]
    },
    Case(name: "priority above the API range", expected: "schema.value-out-of-range") {
      $0.rules = [rule("late", 2001)]
    },
    Case(name: "reserved rule name prefix", expected: "model.invalid-name") {
      $0.rules = [rule("rule-one", 1)]
    },
    Case(name: "match without conditions", expected: "model.invalid-match") {
      $0.rules = [rule("empty", 1, match: "{}")]
    },
    Case(name: "path with a wildcard", expected: "model.invalid-match") {
      $0.rules = [rule("wild", 1, match: #"{ "pathMatch": { "match": { "prefix": "/api/*" } } }"#)]
    },
    Case(name: "header name over 100 characters (C12)", expected: "model.invalid-match") {
      let name = String(repeating: "h", count: 101)
      $0.rules = [
        rule(
          "long", 1,
          match: #"{ "headerMatches": [{ "name": "\#(name)", "match": { "exact": "v" } }] }"#)
      ]
    },
    Case(name: "two kinds in one path match", expected: "schema.invalid-value") {
      $0.rules = [
        rule("both", 1, match: #"{ "pathMatch": { "match": { "prefix": "/a", "exact": "/a" } } }"#)
      ]
    },
    Case(name: "weights all zero", expected: "model.weights-sum-zero") {
      $0.defaultAction =
        #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "backend-tg", "weight": 0 }] } }"#
    },
    Case(name: "unknown target group", expected: "model.unresolved-reference") {
      $0.defaultAction =
        #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "backend-gt" }] } }"#
    },
    Case(name: "forward and fixed response together", expected: "schema.invalid-value") {
      $0.defaultAction =
        #"{ "forward": { "targetGroups": [] }, "fixedResponse": { "statusCode": 404 } }"#
    },
    Case(name: "a VPC associated twice", expected: "model.vpc-associated-twice") {
      $0.vpcAssociations.append(
        #"{ "serviceNetworkIdentifier": "net", "vpcIdentifier": "vpc-0consumer" }"#)
    },
    Case(name: "TLS passthrough forwards to an HTTP target group", expected: "model.invalid-action")
    { $0.listenerProtocol = "TLS_PASSTHROUGH" },
    Case(name: "rules on a TLS passthrough listener", expected: "model.invalid-listener") {
      $0.listenerProtocol = "TLS_PASSTHROUGH"
      $0.targetGroups.append(
        #"{ "name": "tcp-tg", "type": "IP", "config": { "port": 443, "protocol": "TCP", "vpcIdentifier": "provider" } }"#
      )
      $0.defaultAction =
        #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "tcp-tg" }] } }"#
      $0.rules = [rule("nope", 1)]
    },
    Case(name: "unknown listener protocol", expected: "schema.invalid-value") {
      $0.listenerProtocol = "GRPC"
    },
    Case(name: "IPv6 target group", expected: "model.unsupported") {
      $0.targetGroups = [
        #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "ipAddressType": "IPV6", "vpcIdentifier": "provider" } }"#
      ]
    },
    Case(name: "IP target outside the VPC", expected: "model.address-outside-vpc") {
      $0.targetGroups = [
        #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "10.9.0.1" }] }"#
      ]
    },
    Case(name: "LAMBDA target groups are not modelled", expected: "model.unsupported") {
      $0.targetGroups.append(#"{ "name": "fn-tg", "type": "LAMBDA" }"#)
    },
    Case(name: "bad health check matcher", expected: "schema.invalid-value") {
      $0.targetGroups = [
        #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider", "healthCheck": { "matcher": { "httpCode": "2xx" } } } }"#
      ]
    },
    Case(name: "ECS port name unknown", expected: "model.unresolved-reference") {
      $0.ecs = ecsService(targetGroup: "backend-tg", portName: "http")
    },
    Case(name: "ECS needs an IP target group", expected: "model.invalid-target-group") {
      $0.externals = [
        #"{ "name": "vm", "subnet": "subnet-provider", "ipAddress": "10.0.1.20", "ports": [80] }"#
      ]
      $0.targetGroups.append(
        #"{ "name": "vm-tg", "type": "INSTANCE", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "vm" }] }"#
      )
      $0.ecs = ecsService(targetGroup: "vm-tg", portName: "web")
    },
    Case(name: "invalid caller principal", expected: "model.invalid-principal") {
      $0.clients = [#"{ "name": "app", "subnet": "subnet-consumer", "principal": "app-role" }"#]
    },
    Case(name: "invalid task role in a Lattice scenario", expected: "model.invalid-principal") {
      $0.ecs = #"""
        { "taskDefinitions": [{ "family": "app", "taskRoleArn": "ecsTaskRole",
                                "containerDefinitions": [{ "name": "app", "portMappings": [{ "containerPort": 80 }] }] }] }
        """#
    },
    Case(name: "policy with an unknown condition key", expected: "schema.invalid-value") {
      $0.policies = [
        #"{ "resourceIdentifier": "net", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "x" } } }] } }"#
      ]
    },
    Case(name: "policy with NotPrincipal", expected: "model.unsupported") {
      $0.policies = [
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Deny", "NotPrincipal": "*", "Principal": "*", "Action": "*", "Resource": "*" }] } }"#
      ]
    },
    Case(name: "policy with an unknown Lattice action", expected: "schema.invalid-value") {
      $0.policies = [
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "vpc-lattice-svcs:Invok", "Resource": "*" }] } }"#
      ]
    },
    Case(name: "policy without Resource", expected: "schema.missing-key") {
      $0.policies = [
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*" }] } }"#
      ]
    },
    Case(name: "two policies on one resource", expected: "model.duplicate-auth-policy") {
      let policy =
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }] } }"#
      $0.policies = [policy, policy]
    },
    Case(name: "unknown authType", expected: "schema.invalid-value") { $0.serviceAuth = "IAM" },
    Case(name: "unknown key in the lattice section", expected: "schema.unknown-key") {
      $0.extraListeners = [
        #"{ "serviceIdentifier": "svc", "name": "second", "protocl": "HTTP", "protocol": "HTTP", "port": 81, "defaultAction": { "fixedResponse": { "statusCode": 404 } } }"#
      ]
    },
    Case(name: "two listeners on one port", expected: "model.duplicate-port") {
      $0.extraListeners = [
        #"{ "serviceIdentifier": "svc", "name": "second", "protocol": "HTTP", "port": 80, "defaultAction": { "fixedResponse": { "statusCode": 404 } } }"#
      ]
    },
    Case(name: "UpdateRule on an unknown rule", expected: "model.unresolved-reference") {
      $0.rules = [rule("api", 1)]
      $0.events = [
        #"{ "at": "1s", "updateRule": { "listenerIdentifier": "http", "ruleIdentifier": "apii", "priority": 3 } }"#
      ]
    },
    Case(name: "UpdateService (Lattice) with a bad authType", expected: "schema.invalid-value") {
      $0.events = [
        #"{ "at": "1s", "updateService": { "serviceIdentifier": "svc", "authType": "IAM" } }"#
      ]
    },
    Case(
      name: "an event creates a second association for a VPC",
      expected: "model.vpc-associated-twice"
    ) {
      $0.extraServices = []
      $0.events = [
        #"{ "at": "1s", "createServiceNetworkVpcAssociation": { "serviceNetworkIdentifier": "net", "vpcIdentifier": "consumer" } }"#
      ]
    },
  ]

  @Test(arguments: cases)
  func reports(_ testCase: Case) {
    var fixture = LatticeFixture()
    testCase.change(&fixture)
    let (model, diagnostics) = fixture.load()
    let ids = diagnostics.diagnostics.map(\.id.rawValue)
    #expect(
      ids.contains(testCase.expected),
      "\(diagnostics.diagnostics.map { "\($0.id): \($0.message)" })")
    #expect((model != nil) == testCase.builds)
  }

  @Test func policyProblemsPointInsideThePolicy() throws {
    var fixture = LatticeFixture()
    fixture.policies = [
      #"{ "resourceIdentifier": "net", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:SourceVpce": "x" } } }] } }"#
    ]
    let diagnostic = try #require(
      fixture.load().diagnostics.diagnostics.first { $0.id.rawValue == "schema.invalid-value" })
    let expected = Self.location(of: #""aws:SourceVpce""#, in: fixture.json)
    #expect(diagnostic.location?.line == expected.line)
    #expect(diagnostic.location?.column == expected.column)
    #expect(diagnostic.notes.first?.message == "did you mean 'vpc-lattice-svcs:SourceVpc'?")
  }

  @Test func policyStringProblemsPointIntoTheString() throws {
    var fixture = LatticeFixture()
    let policy =
      #"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{\"aws:PrincipalAccount\":\"1\"}}}]}"#
    fixture.policies = [#"{ "resourceIdentifier": "net", "policy": "\#(policy)" }"#]
    let diagnostic = try #require(
      fixture.load().diagnostics.diagnostics.first { $0.id.rawValue == "schema.invalid-value" })
    #expect(diagnostic.message == "unknown condition operator 'StringEqual'")
    #expect(diagnostic.location?.line == Self.location(of: "StringEqual", in: fixture.json).line)
    #expect(diagnostic.notes.first?.message == "did you mean 'StringEquals'?")
  }

  @Test func policyStringSyntaxErrorIsReported() throws {
    var fixture = LatticeFixture()
    fixture.policies = [#"{ "resourceIdentifier": "net", "policy": "{\"Statement\": [" }"#]
    let ids = fixture.diagnosticIDs()
    #expect(ids.contains { $0.hasPrefix("syntax.") }, "\(ids)")
  }

  @Test func generatedNamesAreStable() throws {
    let model = try #require(LatticeFixture().load().model)
    let service = model.lattice.services[0]
    #expect(service.id.hasPrefix("svc-0") && service.id.count == 21)
    #expect(service.arn == "arn:aws:vpc-lattice:us-east-1:111111111111:service/\(service.id)")
    #expect(service.dnsName.hasPrefix("svc-\(service.id.dropFirst(4))."))
    #expect(service.dnsName.hasSuffix(".vpc-lattice-svcs.us-east-1.on.aws"))
    #expect(
      try #require(LatticeFixture().load().model).lattice.services[0].dnsName == service.dnsName)
  }

  @Test func healthCheckDefaults() throws {
    var fixture = LatticeFixture()
    fixture.targetGroups.append(
      #"{ "name": "tcp-tg", "type": "IP", "config": { "port": 443, "protocol": "TCP", "vpcIdentifier": "provider" } }"#
    )
    fixture.targetGroups.append(
      #"{ "name": "h2-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "protocolVersion": "HTTP2", "vpcIdentifier": "provider" } }"#
    )
    let groups = try #require(fixture.load().model).lattice.targetGroups
    let http = groups[0].healthCheck
    #expect(
      http.enabled && http.path == "/" && http.interval == .seconds(30)
        && http.timeout == .seconds(5))
    #expect(
      http.healthyThreshold == 5 && http.unhealthyThreshold == 2 && http.matcher.matches(200)
        && !http.matcher.matches(204))
    #expect(!groups[1].healthCheck.enabled)
    #expect(!groups[2].healthCheck.enabled)
  }

  /// Line and column (1-based, in Unicode scalars) of the first occurrence of `needle`.
  static func location(of needle: String, in text: String) -> (line: Int, column: Int) {
    guard let range = text.firstRange(of: needle) else { return (0, 0) }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
  }
}
