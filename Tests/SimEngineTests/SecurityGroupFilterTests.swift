import NetworkModel
@testable import SimEngine
import Testing

/// EC2 security-group semantics, table-driven: allow-only rules unioned over an ENI's groups;
/// protocol and port ranges; CIDR, prefix-list and group-reference peers (a reference matches
/// only the private address of an ENI carrying the group); the default egress rule.
@Suite struct SecurityGroupFilterTests {
  static let groups = """
    [
      { "GroupId": "sg-open", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{ "CidrIp": "0.0.0.0/0" }] }] },
      { "GroupId": "sg-ref", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{ "GroupId": "sg-client" }] }] },
      { "GroupId": "sg-cidr", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 8000, "ToPort": 8100, "IpRanges": [{ "CidrIp": "10.0.2.0/24" }] }] },
      { "GroupId": "sg-all", "IpPermissions": [{ "IpProtocol": "-1", "IpRanges": [{ "CidrIp": "10.0.0.0/16" }] }] },
      { "GroupId": "sg-udp", "IpPermissions": [{ "IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "IpRanges": [{ "CidrIp": "0.0.0.0/0" }] }] },
      { "GroupId": "sg-pl", "IpPermissions": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{ "PrefixListId": "pl-partners" }] }] },
      { "GroupId": "sg-client", "IpPermissions": [] },
      { "GroupId": "sg-other", "IpPermissions": [] },
      { "GroupId": "sg-out-443", "IpPermissions": [], "IpPermissionsEgress": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{ "CidrIp": "0.0.0.0/0" }] }] },
      { "GroupId": "sg-out-none", "IpPermissions": [], "IpPermissionsEgress": [] },
      { "GroupId": "sg-out-to-ref", "IpPermissions": [], "IpPermissionsEgress": [{ "IpProtocol": "-1", "UserIdGroupPairs": [{ "GroupId": "sg-ref" }] }] }
    ],
    "prefixLists": [{ "PrefixListId": "pl-partners", "Entries": [{ "Cidr": "192.0.2.0/24" }] }]
    """

  static let text = WorldFixture.scenario(securityGroups: groups, """
    "external": [
      { "name": "open", "ipAddress": "10.0.1.100", "subnet": "subnet-a", "securityGroups": ["sg-open"], "ports": [80] },
      { "name": "ref", "ipAddress": "10.0.1.101", "subnet": "subnet-a", "securityGroups": ["sg-ref"], "ports": [8080] },
      { "name": "cidr", "ipAddress": "10.0.1.102", "subnet": "subnet-a", "securityGroups": ["sg-cidr"], "ports": [8050] },
      { "name": "all", "ipAddress": "10.0.1.103", "subnet": "subnet-a", "securityGroups": ["sg-all"], "ports": [1234] },
      { "name": "udp", "ipAddress": "10.0.1.104", "subnet": "subnet-a", "securityGroups": ["sg-udp"], "ports": [53] },
      { "name": "union", "ipAddress": "10.0.1.105", "subnet": "subnet-a", "securityGroups": ["sg-udp", "sg-cidr"], "ports": [8050] },
      { "name": "partner-only", "ipAddress": "10.0.1.106", "subnet": "subnet-a", "securityGroups": ["sg-pl"], "ports": [443] },
      { "name": "bare", "ipAddress": "10.0.1.107", "subnet": "subnet-a", "ports": [80] }
    ],
    "clients": [
      { "name": "member-a", "subnet": "subnet-a", "securityGroups": ["sg-client"] },
      { "name": "stranger-a", "subnet": "subnet-a", "securityGroups": ["sg-other"] },
      { "name": "stranger-b", "subnet": "subnet-b", "securityGroups": ["sg-other"] },
      { "name": "partner", "location": "internet", "ipAddress": "192.0.2.7" },
      { "name": "out-443", "subnet": "subnet-b", "securityGroups": ["sg-out-443"] },
      { "name": "out-none", "subnet": "subnet-b", "securityGroups": ["sg-out-none"] },
      { "name": "out-union", "subnet": "subnet-b", "securityGroups": ["sg-out-443", "sg-out-none"] },
      { "name": "out-to-ref", "subnet": "subnet-b", "securityGroups": ["sg-out-to-ref"] },
      { "name": "no-groups", "subnet": "subnet-b" }
    ]
    """)

  struct IngressCase: CustomTestStringConvertible, Sendable {
    let client: String
    let endpoint: String
    let port: Int
    var viaPublicPath = false
    /// nil: denied; otherwise a fragment of the allowing reason ("" when no group applies).
    let allowedBy: String?
    var testDescription: String { "\(client) → \(endpoint):\(port)\(viaPublicPath ? " (public path)" : "")" }
  }

  static let ingressCases: [IngressCase] = [
    IngressCase(client: "stranger-a", endpoint: "open", port: 80, allowedBy: "sg-open rule #1: tcp/80 from 0.0.0.0/0"),
    IngressCase(client: "stranger-a", endpoint: "open", port: 81, allowedBy: nil),
    IngressCase(client: "member-a", endpoint: "ref", port: 8080, allowedBy: "from members of sg-client"),
    IngressCase(client: "stranger-a", endpoint: "ref", port: 8080, allowedBy: nil),
    IngressCase(client: "member-a", endpoint: "ref", port: 8080, viaPublicPath: true, allowedBy: nil),
    IngressCase(client: "stranger-b", endpoint: "cidr", port: 8050, allowedBy: "from 10.0.2.0/24"),
    IngressCase(client: "stranger-b", endpoint: "cidr", port: 8000, allowedBy: "tcp/8000"),
    IngressCase(client: "stranger-b", endpoint: "cidr", port: 8100, allowedBy: "tcp/8100"),
    IngressCase(client: "stranger-b", endpoint: "cidr", port: 8101, allowedBy: nil),
    IngressCase(client: "stranger-a", endpoint: "cidr", port: 8050, allowedBy: nil),
    IngressCase(client: "stranger-a", endpoint: "all", port: 1234, allowedBy: "from 10.0.0.0/16"),
    IngressCase(client: "stranger-b", endpoint: "all", port: 65535, allowedBy: "from 10.0.0.0/16"),
    IngressCase(client: "partner", endpoint: "all", port: 1234, viaPublicPath: true, allowedBy: nil),
    IngressCase(client: "stranger-a", endpoint: "udp", port: 53, allowedBy: nil),
    IngressCase(client: "stranger-b", endpoint: "union", port: 8050, allowedBy: "sg-cidr"),
    IngressCase(client: "partner", endpoint: "partner-only", port: 443, viaPublicPath: true, allowedBy: "prefix list pl-partners"),
    IngressCase(client: "stranger-a", endpoint: "partner-only", port: 443, allowedBy: nil),
    IngressCase(client: "stranger-a", endpoint: "bare", port: 80, allowedBy: ""),
  ]

  @Test(arguments: ingressCases)
  func ingress(_ testCase: IngressCase) throws {
    let world = try #require(WorldFixture.world(Self.text))
    let client = try #require(world.model.clients.firstIndex { $0.name == testCase.client })
    let source = world.interfaces[Int(world.clientInterfaces[client])]
    let destination = try #require(world.interfaces.first { $0.label.hasSuffix("(\(testCase.endpoint))") })
    let seen = testCase.viaPublicPath ? (source.publicAddress ?? source.address) : source.address
    let decision = SecurityGroupFilter.ingressDecision(
      to: destination, from: source, seenAddress: seen, privatePath: !testCase.viaPublicPath, port: testCase.port, in: world)
    switch (decision, testCase.allowedBy) {
    case (.allowed(let reason), let fragment?):
      if fragment.isEmpty { #expect(reason == nil) } else { #expect(reason?.contains(fragment) == true, "\(reason ?? "nil")") }
    case (.denied(let reason), nil):
      #expect(reason.contains("ingress denied by") && reason.contains("tcp/\(testCase.port)"), "\(reason)")
    case (.allowed(let reason), nil):
      Issue.record("allowed (\(reason ?? "no groups")) but should be denied")
    case (.denied(let reason), _?):
      Issue.record("denied but should be allowed: \(reason)")
    }
  }

  struct EgressCase: CustomTestStringConvertible, Sendable {
    let client: String
    let endpoint: String
    let port: Int
    let allowed: Bool
    var testDescription: String { "\(client) → \(endpoint):\(port)" }
  }

  static let egressCases: [EgressCase] = [
    EgressCase(client: "stranger-b", endpoint: "open", port: 80, allowed: true),
    EgressCase(client: "out-443", endpoint: "partner-only", port: 443, allowed: true),
    EgressCase(client: "out-443", endpoint: "open", port: 80, allowed: false),
    EgressCase(client: "out-none", endpoint: "partner-only", port: 443, allowed: false),
    EgressCase(client: "out-union", endpoint: "partner-only", port: 443, allowed: true),
    EgressCase(client: "out-union", endpoint: "open", port: 80, allowed: false),
    EgressCase(client: "out-to-ref", endpoint: "ref", port: 8080, allowed: true),
    EgressCase(client: "out-to-ref", endpoint: "open", port: 80, allowed: false),
    EgressCase(client: "no-groups", endpoint: "open", port: 9999, allowed: true),
  ]

  @Test(arguments: egressCases)
  func egress(_ testCase: EgressCase) throws {
    let world = try #require(WorldFixture.world(Self.text))
    let client = try #require(world.model.clients.firstIndex { $0.name == testCase.client })
    let source = world.interfaces[Int(world.clientInterfaces[client])]
    let destination = try #require(world.interfaces.first { $0.label.hasSuffix("(\(testCase.endpoint))") })
    let denial = SecurityGroupFilter.egressDenial(from: source, to: destination.address, port: testCase.port, in: world)
    #expect((denial == nil) == testCase.allowed, "\(denial ?? "allowed")")
    if let denial { #expect(denial.contains("egress denied by") && denial.contains("tcp/\(testCase.port)")) }
  }

  @Test func ruleChangesApplyAtOnceToEveryInterfaceOfTheGroup() throws {
    let world = try #require(WorldFixture.world(Self.text))
    let model = world.model
    let strangerA = world.interfaces[Int(world.clientInterfaces[model.clients.firstIndex { $0.name == "stranger-a" }!])]
    let ref = try #require(world.interfaces.first { $0.label.hasSuffix("(ref)") })
    let group = try #require(model.securityGroups.firstIndex { $0.id == "sg-ref" })
    func decision() -> Bool {
      if case .allowed = SecurityGroupFilter.ingressDecision(to: ref, from: strangerA, seenAddress: strangerA.address,
                                                             privatePath: true, port: 8080, in: world) { return true }
      return false
    }
    #expect(!decision())
    let other = try #require(model.securityGroups.firstIndex { $0.id == "sg-other" })
    let rule = SecurityGroupRule(ipProtocol: 6, ports: 8080...8080, peers: [.group(other)], source: model.securityGroups[group].source)
    ScenarioEventApplier.change(group: group, ingress: true, authorize: true, rules: [rule], in: world)
    #expect(decision())
    ScenarioEventApplier.change(group: group, ingress: true, authorize: false, rules: [rule], in: world)
    #expect(!decision())
    #expect(world.securityGroups[group].ingress.count == 1)
  }
}
