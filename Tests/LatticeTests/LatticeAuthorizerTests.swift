import NetworkModel
import ScenarioFormat
import Testing

/// Both levels must allow; NONE skips (a policy there is inactive); AWS_IAM without a policy
/// denies everything (aws-behaviour §7 items 37–40).
@Suite struct LatticeAuthorizerTests {
  static let source = SourceRef(
    location: SourceLocation(file: "t.json", line: 1, column: 1), jsonPath: JSONPath())

  static func policy(_ effect: LatticePolicyStatement.Effect) -> LatticeAuthPolicy {
    LatticeAuthPolicy(
      statements: [
        LatticePolicyStatement(
          index: 0, sid: nil, effect: effect, principals: .anyone, actions: ["*"], resources: ["*"],
          source: source)
      ], source: source)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var network: (LatticeAuthType, LatticeAuthPolicy?)
    var service: (LatticeAuthType, LatticeAuthPolicy?)
    var allowed: Bool
    var levelsEvaluated: Int
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "NONE and NONE", network: (.none, nil), service: (.none, nil), allowed: true,
      levelsEvaluated: 2),
    Case(
      name: "a deny policy on NONE is inactive", network: (.none, policy(.deny)),
      service: (.none, policy(.deny)), allowed: true, levelsEvaluated: 2),
    Case(
      name: "AWS_IAM network without policy", network: (.awsIAM, nil), service: (.none, nil),
      allowed: false, levelsEvaluated: 1),
    Case(
      name: "AWS_IAM service without policy", network: (.awsIAM, policy(.allow)),
      service: (.awsIAM, nil), allowed: false, levelsEvaluated: 2),
    Case(
      name: "both allow", network: (.awsIAM, policy(.allow)), service: (.awsIAM, policy(.allow)),
      allowed: true, levelsEvaluated: 2),
    Case(
      name: "network denies first", network: (.awsIAM, policy(.deny)),
      service: (.awsIAM, policy(.allow)), allowed: false, levelsEvaluated: 1),
    Case(
      name: "service denies", network: (.none, nil), service: (.awsIAM, policy(.deny)),
      allowed: false, levelsEvaluated: 2),
  ]

  @Test(arguments: cases)
  func authorizes(_ testCase: Case) {
    let verdict = LatticeAuthorizer.authorize(
      network: .init(
        name: "service network 'n'", authType: testCase.network.0, policy: testCase.network.1),
      service: .init(name: "service 's'", authType: testCase.service.0, policy: testCase.service.1),
      request: LatticePolicyEvaluationTests.request(.anonymous))
    #expect(verdict.allowed == testCase.allowed)
    #expect(verdict.steps.count == testCase.levelsEvaluated)
  }

  @Test func explainsEachLevel() {
    let verdict = LatticeAuthorizer.authorize(
      network: .init(name: "service network 'n'", authType: .none, policy: Self.policy(.deny)),
      service: .init(name: "service 's'", authType: .awsIAM, policy: nil),
      request: LatticePolicyEvaluationTests.request(.anonymous))
    #expect(
      verdict.steps.map(\.detail) == [
        "service network 'n': auth type NONE, no check (its auth policy is inactive)",
        "service 's': AWS_IAM with no auth policy denies every request",
      ])
  }
}

/// Parsing the callers' IAM identities.
@Suite struct LatticePrincipalTests {
  @Test(arguments: [
    ("111111111111", "111111111111", "Account", "arn:aws:iam::111111111111:root"),
    ("arn:aws:iam::111111111111:root", "111111111111", "Account", "arn:aws:iam::111111111111:root"),
    (
      "arn:aws:iam::111111111111:user/alice", "111111111111", "User",
      "arn:aws:iam::111111111111:user/alice"
    ),
    (
      "arn:aws:iam::111111111111:role/app", "111111111111", "AssumedRole",
      "arn:aws:iam::111111111111:role/app"
    ),
    (
      "arn:aws:sts::222222222222:assumed-role/app/session", "222222222222", "AssumedRole",
      "arn:aws:iam::222222222222:role/app"
    ),
  ])
  func parses(_ text: String, account: String, type: String, principalArn: String) throws {
    let principal = try #require(LatticePrincipal.parse(text))
    #expect(principal.account == account)
    #expect(principal.type == type)
    #expect(principal.principalArn == principalArn)
  }

  @Test(arguments: [
    "", "11111111111", "arn:aws:iam::111111111111:group/dev", "arn:aws:s3:::bucket", "role/app",
    "arn:aws:sts::111111111111:assumed-role/app",
  ])
  func rejects(_ text: String) {
    #expect(LatticePrincipal.parse(text) == nil)
  }
}
