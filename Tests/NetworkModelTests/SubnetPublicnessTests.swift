import NetworkModel
import Testing

/// A subnet is public when the route table associated with it (or, without an explicit
/// association, the VPC's main table) sends 0.0.0.0/0 to an internet gateway; with no route
/// table at all, `MapPublicIpOnLaunch` decides (VPC user guide, "Subnets for your VPC").
@Suite struct SubnetPublicnessTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let routeTables: String
    var mapPublic = false
    let publicA: Bool
    let publicB: Bool
    var testDescription: String { name }
  }

  static let igw = #"{ "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1" }"#
  static let nat = #"{ "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-1" }"#
  static let local = #"{ "DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local" }"#

  static let cases: [Case] = [
    Case(name: "no route tables: private", routeTables: "[]", publicA: false, publicB: false),
    Case(name: "no route tables, MapPublicIpOnLaunch: public", routeTables: "[]", mapPublic: true, publicA: true, publicB: true),
    Case(
      name: "table with an igw route associated with subnet-a",
      routeTables: #"[{ "VpcId": "vpc-1", "Routes": [\#(local), \#(igw)], "Associations": [{ "SubnetId": "subnet-a" }] }]"#,
      publicA: true, publicB: false),
    Case(
      name: "a NAT route does not make a subnet public",
      routeTables: #"[{ "VpcId": "vpc-1", "Routes": [\#(local), \#(nat)], "Associations": [{ "SubnetId": "subnet-a" }, { "SubnetId": "subnet-b" }] }]"#,
      publicA: false, publicB: false),
    Case(
      name: "the main table applies to subnets without an explicit association",
      routeTables: #"""
        [{ "VpcId": "vpc-1", "Routes": [\#(local), \#(igw)], "Associations": [{ "Main": true }] },
         { "VpcId": "vpc-1", "Routes": [\#(local)], "Associations": [{ "SubnetId": "subnet-b" }] }]
        """#,
      publicA: true, publicB: false),
    Case(
      name: "an explicit private table beats MapPublicIpOnLaunch",
      routeTables: #"[{ "VpcId": "vpc-1", "Routes": [\#(local)], "Associations": [{ "SubnetId": "subnet-a" }, { "SubnetId": "subnet-b" }] }]"#,
      mapPublic: true, publicA: false, publicB: false),
    Case(
      name: "a route to 0.0.0.0/0 through something other than an igw",
      routeTables: #"[{ "VpcId": "vpc-1", "Routes": [{ "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "vgw-1" }], "Associations": [{ "SubnetId": "subnet-a" }] }]"#,
      publicA: false, publicB: false),
  ]

  @Test(arguments: cases)
  func publicness(_ testCase: Case) throws {
    let ec2 = """
      {
          "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
          "subnets": [
            { "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a", "MapPublicIpOnLaunch": \(testCase.mapPublic) },
            { "SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b", "MapPublicIpOnLaunch": \(testCase.mapPublic) }
          ],
          "routeTables": \(testCase.routeTables)
        }
      """
    let built = ScenarioText.build(ScenarioText.scenario(ec2: ec2))
    let model = try #require(built.model, "\(built.diagnostics.map(\.message))")
    #expect(model.subnets.map(\.isPublic) == [testCase.publicA, testCase.publicB])
  }

  @Test func subnetsCanBeReferencedByNameTag() throws {
    let ec2 = """
      {
          "vpcs": [{ "CidrBlock": "10.0.0.0/16", "Tags": [{ "Key": "Name", "Value": "main" }] }],
          "subnets": [{ "VpcId": "main", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a", "Tags": [{ "Key": "Name", "Value": "public-a" }] }],
          "routeTables": [{ "VpcId": "main", "Routes": [\(Self.igw)], "Associations": [{ "SubnetId": "public-a" }] }]
        }
      """
    let built = ScenarioText.build(ScenarioText.scenario(ec2: ec2))
    let model = try #require(built.model, "\(built.diagnostics.map(\.message))")
    #expect(model.subnets.first?.name == "public-a")
    #expect(model.subnets.first?.isPublic == true)
  }
}
