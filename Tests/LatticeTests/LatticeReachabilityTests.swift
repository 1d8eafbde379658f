import NetworkModel
import SimEngine
import Testing

/// Who gets a connection to a Lattice service, and what a client sees when it does not
/// (aws-behaviour §3.2–3.3, §3.10, §7 item 32).
@Suite struct LatticeReachabilityTests {
  static let generatedName: String = {
    LatticeFixture().load().model?.lattice.services.first?.dnsName ?? "unknown"
  }()

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var disposition: String
    var status: Int
    var change: @Sendable (inout LatticeFixture) -> Void
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "associated VPC gets an answer", disposition: "delivered", status: 200) {
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(
      name: "item 32: unassociated VPC resolves the public name but times out",
      disposition: "noRouteToHost", status: 0
    ) {
      $0.clients.append(#"{ "name": "outsider", "subnet": "subnet-other" }"#)
      $0.traffic = [LatticeFixture.stream("s", from: "outsider", url: "http://\(generatedName)/")]
    },
    Case(
      name: "the internet has no route to link-local addresses", disposition: "noRouteToHost",
      status: 0
    ) {
      $0.traffic = [LatticeFixture.stream("s", from: "internet", url: "http://\(generatedName)/")]
    },
    Case(
      name: "custom domain does not resolve outside associated VPCs",
      disposition: "dnsNameNotFound", status: 0
    ) {
      $0.clients.append(#"{ "name": "outsider", "subnet": "subnet-other" }"#)
      $0.traffic = [LatticeFixture.stream("s", from: "outsider")]
    },
    Case(
      name: "service not associated with the client's network", disposition: "noRouteToHost",
      status: 0
    ) {
      $0.serviceAssociations = []
      $0.traffic = [LatticeFixture.stream("s", url: "http://\(generatedName)/")]
    },
    Case(
      name: "association security group blocks a client outside its source group",
      disposition: "deniedBySecurityGroupIngress", status: 0
    ) {
      $0.securityGroups = [
        #"{ "GroupId": "sg-0allowed", "GroupName": "allowed", "VpcId": "vpc-0consumer", "IpPermissions": [] }"#,
        #"{ "GroupId": "sg-0assoc", "GroupName": "assoc", "VpcId": "vpc-0consumer", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{ "GroupId": "sg-0allowed" }] }] }"#,
      ]
      $0.vpcAssociations = [
        #"{ "serviceNetworkIdentifier": "net", "vpcIdentifier": "consumer", "securityGroupIds": ["sg-0assoc"] }"#
      ]
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(
      name: "association security group admits a member of its source group",
      disposition: "delivered", status: 200
    ) {
      $0.securityGroups = [
        #"{ "GroupId": "sg-0allowed", "GroupName": "allowed", "VpcId": "vpc-0consumer", "IpPermissions": [] }"#,
        #"{ "GroupId": "sg-0assoc", "GroupName": "assoc", "VpcId": "vpc-0consumer", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "UserIdGroupPairs": [{ "GroupId": "sg-0allowed" }] }] }"#,
      ]
      $0.vpcAssociations = [
        #"{ "serviceNetworkIdentifier": "net", "vpcIdentifier": "consumer", "securityGroupIds": ["sg-0assoc"] }"#
      ]
      $0.clients = [
        #"{ "name": "app", "subnet": "subnet-consumer", "securityGroups": ["sg-0allowed"] }"#
      ]
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(
      name: "client egress must allow the Lattice range",
      disposition: "deniedBySecurityGroupEgress", status: 0
    ) {
      $0.securityGroups = [
        #"{ "GroupId": "sg-0tight", "GroupName": "tight", "VpcId": "vpc-0consumer", "IpPermissions": [], "IpPermissionsEgress": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{ "CidrIp": "10.0.0.0/8" }] }] }"#
      ]
      $0.clients = [
        #"{ "name": "app", "subnet": "subnet-consumer", "securityGroups": ["sg-0tight"] }"#
      ]
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(name: "a port without a listener resets", disposition: "connectionRefused", status: 0) {
      $0.traffic = [LatticeFixture.stream("s", url: "http://svc.test.internal:8080/")]
    },
    Case(
      name: "item 37: AWS_IAM without a policy answers 403", disposition: "authDenied", status: 403
    ) {
      $0.serviceAuth = "AWS_IAM"
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(
      name: "HTTPS on an HTTP listener fails the handshake", disposition: "tlsHandshakeFailed",
      status: 0
    ) {
      $0.traffic = [LatticeFixture.stream("s", url: "https://svc.test.internal:80/")]
    },
    Case(
      name: "HTTPS custom domain without a certificate fails the handshake",
      disposition: "tlsHandshakeFailed", status: 0
    ) {
      $0.listenerProtocol = "HTTPS"
      $0.traffic = [LatticeFixture.stream("s", url: "https://svc.test.internal/")]
    },
    Case(
      name: "target security group without the prefix list: no healthy target (503)",
      disposition: "noHealthyTarget", status: 503
    ) {
      $0.backendIngress =
        #"{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }"#
      $0.traffic = [LatticeFixture.stream("s")]
    },
    Case(
      name: "checks off and target security group blocking Lattice: 503 after the connect attempt",
      disposition: "deniedBySecurityGroupIngress", status: 503
    ) {
      $0.backendIngress =
        #"{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }"#
      $0.targetGroups = [
        #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider", "healthCheck": { "enabled": false } }, "targets": [{ "id": "10.0.1.10" }] }"#
      ]
      $0.traffic = [LatticeFixture.stream("s", timeout: "10s")]
    },
    Case(name: "an empty target group answers 503", disposition: "noRegisteredTarget", status: 503)
    {
      $0.targetGroups = [
        #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" } }"#
      ]
      $0.traffic = [LatticeFixture.stream("s")]
    },
  ]

  @Test(arguments: cases)
  func reachability(_ testCase: Case) throws {
    var fixture = LatticeFixture()
    testCase.change(&fixture)
    let result = try #require(fixture.run())
    #expect(result.disposition("s") == testCase.disposition, "\(result.rows("s"))")
    #expect(result.status("s") == testCase.status)
  }

  @Test func targetsSeeLatticesLinkLocalSource() throws {
    var fixture = LatticeFixture()
    fixture.traffic = [LatticeFixture.stream("s", count: 1)]
    let result = try #require(fixture.run(traces: .first(1)))
    let steps = try #require(result.traces.first).steps.map(\.detail)
    #expect(
      steps.contains { $0.contains("sends to 10.0.1.10:80") && $0.contains("from 169.254.171.") })
    #expect(steps.contains { $0.contains("from prefix list com.amazonaws.us-east-1.vpc-lattice") })
  }

  @Test func explainShowsAssociationAuthRuleAndTarget() throws {
    var fixture = LatticeFixture()
    fixture.networkAuth = "AWS_IAM"
    fixture.policies = [
      #"{ "resourceIdentifier": "net", "policy": { "Statement": [{ "Sid": "Mine", "Effect": "Allow", "Principal": { "AWS": "111111111111" }, "Action": "vpc-lattice-svcs:Invoke", "Resource": "*" }] } }"#
    ]
    fixture.traffic = [LatticeFixture.stream("s", count: 1)]
    let result = try #require(fixture.run(traces: .first(1)))
    let steps = try #require(result.traces.first).steps.map(\.detail)
    #expect(
      steps.contains(
        "VPC 'consumer' is associated with service network 'net' (\(try #require(fixture.load().model).lattice.vpcAssociations[0].id))"
      ))
    #expect(steps.contains("service 'svc' is associated with service network 'net'"))
    #expect(
      steps.contains(
        "auth: service network 'net' (AWS_IAM) for arn:aws:iam::111111111111:role/app: allowed by statement #1 (Sid 'Mine')"
      ))
    #expect(steps.contains("default action: matched"))
    #expect(
      steps.contains {
        $0.hasPrefix(
          "target group 'backend-tg' (1 of 1 targets receive traffic): sends to 10.0.1.10:80 [HEALTHY]"
        )
      })
  }

  @Test func sameSeedSameRun() throws {
    var fixture = LatticeFixture()
    fixture.traffic = [LatticeFixture.stream("s", count: 50)]
    let first = try #require(fixture.run())
    let second = try #require(fixture.run())
    #expect(first.fingerprint == second.fingerprint)
  }
}
