import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

/// `meshsim check`'s Lattice findings.
@Suite struct LatticeAnalysisTests {
  static func findings(_ change: (inout LatticeFixture) -> Void) throws -> [String] {
    var fixture = LatticeFixture()
    change(&fixture)
    let model = try #require(fixture.load().model)
    return LatticeAnalysis.run(model).map(\.id.rawValue)
  }

  @Test func cleanFixtureHasNoFindings() throws {
    #expect(try Self.findings { _ in } == [])
  }

  @Test func shadowedRule() throws {
    let ids = try Self.findings {
      $0.rules = [
        #"{ "listenerIdentifier": "http", "name": "api", "priority": 1, "match": { "httpMatch": { "pathMatch": { "match": { "prefix": "/api" } } } }, "action": { "fixedResponse": { "statusCode": 404 } } }"#,
        #"{ "listenerIdentifier": "http", "name": "api-v2", "priority": 2, "match": { "httpMatch": { "pathMatch": { "match": { "prefix": "/api/v2" } } } }, "action": { "fixedResponse": { "statusCode": 500 } } }"#,
        #"{ "listenerIdentifier": "http", "name": "get-only", "priority": 3, "match": { "httpMatch": { "method": "GET", "pathMatch": { "match": { "prefix": "/a" } } } }, "action": { "fixedResponse": { "statusCode": 500 } } }"#,
      ]
    }
    #expect(ids == ["analysis.lattice-rule-shadowed"])
  }

  @Test func targetSecurityGroupWithoutPrefixList() throws {
    let ids = try Self.findings {
      $0.backendIngress =
        #"{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }"#
    }
    #expect(ids == ["analysis.lattice-target-blocks-lattice"])
  }

  @Test func wideCIDRAdmitsLattice() throws {
    let ids = try Self.findings {
      $0.backendIngress = #"{ "IpProtocol": "-1", "IpRanges": [{ "CidrIp": "0.0.0.0/0" }] }"#
    }
    #expect(ids == [])
  }

  @Test func authFindings() throws {
    let ids = try Self.findings {
      $0.networkAuth = "AWS_IAM"
      $0.policies = [
        #"{ "resourceIdentifier": "svc", "policy": { "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" }] } }"#
      ]
    }
    #expect(
      ids.sorted() == ["analysis.lattice-iam-without-policy", "analysis.lattice-inactive-policy"])
  }

  @Test func unassociatedService() throws {
    let ids = try Self.findings { $0.serviceAssociations = [] }
    #expect(ids == ["analysis.lattice-service-unassociated"])
  }

  @Test func runsInsideScenarioAnalysis() throws {
    var fixture = LatticeFixture()
    fixture.serviceAssociations = []
    let model = try #require(fixture.load().model)
    #expect(
      ScenarioAnalysis.run(model).contains {
        $0.id.rawValue == "analysis.lattice-service-unassociated"
      })
  }
}

/// Decoding details of the `lattice` section's events.
@Suite struct LatticeEventDecodingTests {
  static func decode(_ events: String) -> (ScenarioDocument?, DiagnosticEngine) {
    var fixture = LatticeFixture()
    fixture.events = [events]
    let diagnostics = DiagnosticEngine()
    return (
      ScenarioDecoder.decode(
        bytes: Array(fixture.json.utf8), file: "t.json", diagnostics: diagnostics), diagnostics
    )
  }

  @Test func updateServiceWithServiceIdentifierIsLattice() throws {
    let (document, diagnostics) = Self.decode(
      #"{ "at": "5s", "updateService": { "serviceIdentifier": "svc", "authType": "AWS_IAM" } }"#)
    #expect(!diagnostics.hasErrors)
    let event = try #require(document?.events.first)
    guard case .serviceCall(let call) = event.action, case .lattice(let lattice) = call.body,
      case .updateService(let service, let authType) = lattice.operation
    else {
      Issue.record("expected a Lattice UpdateService, got \(event.action)")
      return
    }
    #expect(service == "svc" && authType == "AWS_IAM")
  }

  @Test func updateServiceWithServiceIsECS() throws {
    let (document, _) = Self.decode(
      #"{ "at": "5s", "updateService": { "service": "app", "desiredCount": 2 } }"#)
    let event = try #require(document?.events.first)
    guard case .updateService = event.action else {
      Issue.record("expected ECS UpdateService")
      return
    }
  }

  @Test func unknownKeyInACallBody() throws {
    let (_, diagnostics) = Self.decode(
      #"{ "at": "5s", "deleteAuthPolicy": { "resourceIdentifier": "svc", "resourceArn": "x" } }"#)
    #expect(diagnostics.diagnostics.map(\.id.rawValue) == ["schema.unknown-key"])
  }
}
