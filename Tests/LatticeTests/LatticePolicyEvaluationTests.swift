import NetworkModel
import RouteMatching
import Testing

/// Auth-policy evaluation (IAM semantics as VPC Lattice applies them; aws-behaviour §3.7).
@Suite struct LatticePolicyEvaluationTests {
  static let serviceArn = "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-1"
  static let networkArn = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-1"
  static let app = LatticeCaller.principal(
    LatticePrincipal.parse("arn:aws:iam::111111111111:role/app")!)
  static let other = LatticeCaller.principal(
    LatticePrincipal.parse("arn:aws:iam::222222222222:role/app")!)
  static let batch = LatticeCaller.principal(
    LatticePrincipal.parse("arn:aws:iam::111111111111:role/batch")!)
  static let session = LatticeCaller.principal(
    LatticePrincipal.parse("arn:aws:sts::111111111111:assumed-role/app/i-0abc")!)

  static func request(
    _ caller: LatticeCaller = app, method: String = "GET", path: String = "/",
    headers: HTTPHeaders = [:],
    vpc: String = "vpc-0consumer", port: Int = 80
  ) -> LatticeAuthRequest {
    LatticeAuthRequest(
      caller: caller, action: "vpc-lattice-svcs:Invoke",
      resource: LatticeAuthRequest.resource(serviceArn: serviceArn, path: path),
      sourceVPC: vpc, sourceVPCOwnerAccount: "111111111111", method: method, path: path,
      headers: headers, port: port,
      serviceArn: serviceArn, serviceNetworkArn: networkArn)
  }

  /// A one-statement Allow policy with the given principal, action, resource and condition.
  static func allow(
    principal: String = #""*""#, action: String = #""vpc-lattice-svcs:Invoke""#,
    resource: String = #""*""#, condition: String? = nil
  ) -> String {
    let conditionPart = condition.map { #", "Condition": "# + $0 } ?? ""
    return
      #"{ "Version": "2012-10-17", "Statement": [{ "Sid": "S", "Effect": "Allow", "Principal": \#(principal), "Action": \#(action), "Resource": \#(resource)\#(conditionPart) }] }"#
  }

  /// Parses a policy through the real decoder and model builder.
  static func policy(_ text: String) -> LatticeAuthPolicy? {
    var fixture = LatticeFixture()
    fixture.networkAuth = "AWS_IAM"
    fixture.policies = [#"{ "resourceIdentifier": "net", "policy": \#(text) }"#]
    return fixture.load().model?.lattice.serviceNetworks[0].authPolicy
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var policy: String
    var request: LatticeAuthRequest
    var expected: LatticeAuthDecision.Outcome
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "Principal * admits anonymous", policy: allow(), request: request(.anonymous),
      expected: .allowed),
    Case(
      name: "AWS * admits anonymous", policy: allow(principal: #"{ "AWS": "*" }"#),
      request: request(.anonymous), expected: .allowed),
    Case(
      name: "account id admits its role", policy: allow(principal: #"{ "AWS": "111111111111" }"#),
      request: request(), expected: .allowed),
    Case(
      name: "account id refuses another account",
      policy: allow(principal: #"{ "AWS": "111111111111" }"#), request: request(other),
      expected: .implicitlyDenied),
    Case(
      name: "account id refuses anonymous",
      policy: allow(principal: #"{ "AWS": ["111111111111"] }"#), request: request(.anonymous),
      expected: .implicitlyDenied),
    Case(
      name: "account root ARN admits its role",
      policy: allow(principal: #"{ "AWS": "arn:aws:iam::111111111111:root" }"#), request: request(),
      expected: .allowed),
    Case(
      name: "role ARN admits the role",
      policy: allow(principal: #"{ "AWS": "arn:aws:iam::111111111111:role/app" }"#),
      request: request(), expected: .allowed),
    Case(
      name: "role ARN refuses another role",
      policy: allow(principal: #"{ "AWS": "arn:aws:iam::111111111111:role/app" }"#),
      request: request(batch), expected: .implicitlyDenied),
    Case(
      name: "role ARN admits a session of the role",
      policy: allow(principal: #"{ "AWS": "arn:aws:iam::111111111111:role/app" }"#),
      request: request(session), expected: .allowed),
    Case(
      name: "service wildcard action", policy: allow(action: #""vpc-lattice-svcs:*""#),
      request: request(), expected: .allowed),
    Case(
      name: "Connect does not cover Invoke", policy: allow(action: #""vpc-lattice-svcs:Connect""#),
      request: request(), expected: .implicitlyDenied),
    Case(
      name: "action names are case-insensitive",
      policy: allow(action: #""VPC-Lattice-Svcs:invoke""#), request: request(), expected: .allowed),
    Case(
      name: "resource path wildcard matches",
      policy: allow(resource: #""arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-1/api/*""#),
      request: request(path: "/api/x"), expected: .allowed),
    Case(
      name: "resource path wildcard misses",
      policy: allow(resource: #""arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-1/api/*""#),
      request: request(path: "/other"), expected: .implicitlyDenied),
    Case(
      name: "PrincipalAccount equals",
      policy: allow(condition: #"{ "StringEquals": { "aws:PrincipalAccount": "111111111111" } }"#),
      request: request(), expected: .allowed),
    Case(
      name: "PrincipalAccount absent for anonymous",
      policy: allow(condition: #"{ "StringEquals": { "aws:PrincipalAccount": "111111111111" } }"#),
      request: request(.anonymous), expected: .implicitlyDenied),
    Case(
      name: "authenticated-only refuses anonymous",
      policy: allow(
        condition: #"{ "StringNotEqualsIgnoreCase": { "aws:PrincipalType": "anonymous" } }"#),
      request: request(.anonymous), expected: .implicitlyDenied),
    Case(
      name: "authenticated-only admits a role",
      policy: allow(
        condition: #"{ "StringNotEqualsIgnoreCase": { "aws:PrincipalType": "anonymous" } }"#),
      request: request(other), expected: .allowed),
    Case(
      name: "RequestPath StringLike",
      policy: allow(condition: #"{ "StringLike": { "vpc-lattice-svcs:RequestPath": "/api/*" } }"#),
      request: request(path: "/api/v1"), expected: .allowed),
    Case(
      name: "RequestMethod is case-sensitive",
      policy: allow(condition: #"{ "StringEquals": { "vpc-lattice-svcs:RequestMethod": "GET" } }"#),
      request: request(method: "get"), expected: .implicitlyDenied),
    Case(
      name: "header name is case-insensitive",
      policy: allow(
        condition: #"{ "StringEquals": { "vpc-lattice-svcs:RequestHeader/X-Team": "blue" } }"#),
      request: request(headers: ["x-team": "blue"]), expected: .allowed),
    Case(
      name: "header value is case-sensitive",
      policy: allow(
        condition: #"{ "StringEquals": { "vpc-lattice-svcs:RequestHeader/x-team": "blue" } }"#),
      request: request(headers: ["x-team": "Blue"]), expected: .implicitlyDenied),
    Case(
      name: "IfExists admits an absent header",
      policy: allow(
        condition:
          #"{ "StringEqualsIfExists": { "vpc-lattice-svcs:RequestHeader/x-team": "blue" } }"#),
      request: request(), expected: .allowed),
    Case(
      name: "negated operator holds for an absent key",
      policy: allow(
        condition: #"{ "StringNotEquals": { "vpc-lattice-svcs:RequestHeader/x-team": "red" } }"#),
      request: request(), expected: .allowed),
    Case(
      name: "Null true: key must be absent",
      policy: allow(condition: #"{ "Null": { "aws:PrincipalArn": "true" } }"#),
      request: request(.anonymous), expected: .allowed),
    Case(
      name: "Null true refuses a signed caller",
      policy: allow(condition: #"{ "Null": { "aws:PrincipalArn": "true" } }"#), request: request(),
      expected: .implicitlyDenied),
    Case(
      name: "Port numeric equals",
      policy: allow(condition: #"{ "NumericEquals": { "vpc-lattice-svcs:Port": 80 } }"#),
      request: request(port: 80), expected: .allowed),
    Case(
      name: "Port numeric misses",
      policy: allow(condition: #"{ "NumericEquals": { "vpc-lattice-svcs:Port": [80] } }"#),
      request: request(port: 443), expected: .implicitlyDenied),
    Case(
      name: "ArnLike on PrincipalArn",
      policy: allow(
        condition: #"{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/ap*" } }"#),
      request: request(), expected: .allowed),
    Case(
      name: "SourceVpc equals",
      policy: allow(
        condition: #"{ "StringEquals": { "vpc-lattice-svcs:SourceVpc": "vpc-0consumer" } }"#),
      request: request(vpc: "vpc-0consumer"), expected: .allowed),
    Case(
      name: "SourceVpc from another VPC",
      policy: allow(
        condition: #"{ "StringEquals": { "vpc-lattice-svcs:SourceVpc": "vpc-0consumer" } }"#),
      request: request(vpc: "vpc-0other"), expected: .implicitlyDenied),
    Case(
      name: "ServiceNetworkArn ArnLike",
      policy: allow(
        condition:
          #"{ "ArnLike": { "vpc-lattice-svcs:ServiceNetworkArn": "arn:aws:vpc-lattice:*:*:servicenetwork/*" } }"#
      ), request: request(), expected: .allowed),
    Case(
      name: "several values are alternatives",
      policy: allow(
        condition: #"{ "StringEquals": { "vpc-lattice-svcs:RequestMethod": ["PUT", "GET"] } }"#),
      request: request(), expected: .allowed),
    Case(
      name: "several keys must all hold",
      policy: allow(
        condition:
          #"{ "StringEquals": { "vpc-lattice-svcs:RequestMethod": "GET", "aws:PrincipalAccount": "222222222222" } }"#
      ), request: request(), expected: .implicitlyDenied),
    Case(
      name: "explicit deny wins over an allow",
      policy:
        #"{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringLike": { "vpc-lattice-svcs:RequestPath": "/admin*" } } }] }"#,
      request: request(path: "/admin/users"), expected: .explicitlyDenied),
    Case(
      name: "a deny that does not apply leaves the allow",
      policy:
        #"{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringLike": { "vpc-lattice-svcs:RequestPath": "/admin*" } } }] }"#,
      request: request(path: "/orders"), expected: .allowed),
    Case(
      name: "NotAction applies to other actions",
      policy:
        #"{ "Statement": { "Effect": "Allow", "Principal": "*", "NotAction": "vpc-lattice-svcs:Connect", "Resource": "*" } }"#,
      request: request(), expected: .allowed),
  ]

  @Test(arguments: cases)
  func evaluates(_ testCase: Case) throws {
    let policy = try #require(Self.policy(testCase.policy), "policy did not parse")
    let decision = policy.evaluate(testCase.request)
    #expect(decision.outcome == testCase.expected, "\(decision.explanation)")
  }

  @Test func explanationNamesTheDecidingStatement() throws {
    let policy = try #require(
      Self.policy(
        #"{ "Statement": [{ "Sid": "Team", "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }, { "Sid": "NoAdmin", "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringLike": { "vpc-lattice-svcs:RequestPath": "/admin*" } } }] }"#
      ))
    #expect(policy.evaluate(Self.request()).explanation == "allowed by statement #1 (Sid 'Team')")
    let denied = policy.evaluate(Self.request(path: "/admin"))
    #expect(denied.explanation == "explicitly denied by statement #2 (Sid 'NoAdmin')")
    #expect(denied.statement == 1)
  }

  @Test func implicitDenyExplainsEachAllow() throws {
    let policy = try #require(Self.policy(Self.allow(principal: #"{ "AWS": "111111111111" }"#)))
    let decision = policy.evaluate(Self.request(Self.other))
    #expect(
      decision.explanation.contains(
        "statement #1 (Sid 'S'): principal: arn:aws:iam::222222222222:role/app is not among 111111111111"
      ))
  }
}
