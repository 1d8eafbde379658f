import Diagnostics
import NetworkModel
import ScenarioFormat
import SimEngine

/// Small scenarios for the Lattice tests: a consumer VPC associated with service network `net`,
/// service `svc` (custom domain `svc.test.internal`, HTTP listener `http` on port 80) forwarding
/// to target group `backend-tg` of backend 10.0.1.10 in the provider VPC, whose security group admits
/// the Lattice prefix list. Every part can be replaced.
struct LatticeFixture {
  var networkAuth = "NONE"
  var serviceAuth = "NONE"
  var defaultAction =
    #"{ "forward": { "targetGroups": [{ "targetGroupIdentifier": "backend-tg" }] } }"#
  var rules: [String] = []
  var policies: [String] = []
  var targetGroups = [
    #"{ "name": "backend-tg", "type": "IP", "config": { "port": 80, "protocol": "HTTP", "vpcIdentifier": "provider" }, "targets": [{ "id": "10.0.1.10" }] }"#
  ]
  var vpcAssociations = [#"{ "serviceNetworkIdentifier": "net", "vpcIdentifier": "consumer" }"#]
  var serviceAssociations = [#"{ "serviceNetworkIdentifier": "net", "serviceIdentifier": "svc" }"#]
  var listenerProtocol = "HTTP"
  var backendIngress =
    #"{ "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "PrefixListIds": [{ "PrefixListId": "pl-vpc-lattice" }] }"#
  var securityGroups: [String] = []
  var clients = [
    #"{ "name": "app", "subnet": "subnet-consumer", "principal": "arn:aws:iam::111111111111:role/app" }"#
  ]
  var externals: [String] = []
  var ecs = ""
  var traffic: [String] = []
  var events: [String] = []
  var extraServices: [String] = []
  var extraListeners: [String] = []

  /// The scenario as JSON text.
  var json: String {
    """
    {
      "name": "lattice-test", "seed": 1, "region": "us-east-1", "accountId": "111111111111",
      "ec2": {
        "vpcs": [
          { "VpcId": "vpc-0consumer", "CidrBlock": "10.1.0.0/16", "Tags": [{ "Key": "Name", "Value": "consumer" }] },
          { "VpcId": "vpc-0other", "CidrBlock": "10.2.0.0/16", "Tags": [{ "Key": "Name", "Value": "other" }] },
          { "VpcId": "vpc-0provider", "CidrBlock": "10.0.0.0/16", "Tags": [{ "Key": "Name", "Value": "provider" }] }
        ],
        "subnets": [
          { "SubnetId": "subnet-consumer", "VpcId": "vpc-0consumer", "CidrBlock": "10.1.1.0/24", "AvailabilityZone": "us-east-1a" },
          { "SubnetId": "subnet-other", "VpcId": "vpc-0other", "CidrBlock": "10.2.1.0/24", "AvailabilityZone": "us-east-1a" },
          { "SubnetId": "subnet-provider", "VpcId": "vpc-0provider", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" }
        ],
        "securityGroups": [
          { "GroupId": "sg-0backend", "GroupName": "backend", "VpcId": "vpc-0provider", "IpPermissions": [\(backendIngress)] }
          \(securityGroups.map { ", " + $0 }.joined())
        ]
      },
      "external": [
        { "name": "backend", "subnet": "subnet-provider", "ipAddress": "10.0.1.10", "securityGroups": ["sg-0backend"], "ports": [80, 8080] }
        \(externals.map { ", " + $0 }.joined())
      ],
      \(ecs.isEmpty ? "" : "\"ecs\": \(ecs),")
      "lattice": {
        "serviceNetworks": [{ "name": "net", "authType": "\(networkAuth)" }],
        "services": [{ "name": "svc", "authType": "\(serviceAuth)", "customDomainName": "svc.test.internal" }\(extraServices.map { ", " + $0 }.joined())],
        "targetGroups": [\(targetGroups.joined(separator: ", "))],
        "listeners": [{ "serviceIdentifier": "svc", "name": "http", "protocol": "\(listenerProtocol)", "defaultAction": \(defaultAction) }\(extraListeners.map { ", " + $0 }.joined())],
        "rules": [\(rules.joined(separator: ", "))],
        "serviceNetworkVpcAssociations": [\(vpcAssociations.joined(separator: ", "))],
        "serviceNetworkServiceAssociations": [\(serviceAssociations.joined(separator: ", "))],
        "authPolicies": [\(policies.joined(separator: ", "))]
      },
      "clients": [\(clients.joined(separator: ", "))],
      "traffic": [\(traffic.joined(separator: ", "))],
      "events": [\(events.joined(separator: ", "))]
    }
    """
  }

  /// Decodes and builds the scenario.
  func load() -> (model: NetworkModel?, diagnostics: DiagnosticEngine) {
    let diagnostics = DiagnosticEngine()
    guard
      let document = ScenarioDecoder.decode(
        bytes: Array(json.utf8), file: "test.json", diagnostics: diagnostics)
    else {
      return (nil, diagnostics)
    }
    return (ModelBuilder.build(document, diagnostics: diagnostics), diagnostics)
  }

  /// The ids of every diagnostic, in report order.
  func diagnosticIDs() -> [String] {
    load().diagnostics.diagnostics.map(\.id.rawValue)
  }

  /// Runs the scenario; nil when it does not build.
  func run(traces: TraceSelection = .none) -> RunResult? {
    guard let model = load().model else { return nil }
    return SimulationRun.run(model, options: .init(traces: traces))
  }

  /// A traffic stream from `client` to `url`.
  static func stream(
    _ name: String, from client: String = "app", url: String = "http://svc.test.internal/",
    method: String = "GET", headers: String = "{}", count: Int = 4, timeout: String = "2s",
    extra: String = ""
  ) -> String {
    #"{ "name": "\#(name)", "from": "\#(client)", "request": { "method": "\#(method)", "url": "\#(url)", "headers": \#(headers) }, "count": \#(count), "timeout": "\#(timeout)"\#(extra) }"#
  }
}

extension RunResult {
  /// The outcome rows of one stream.
  func rows(_ stream: String) -> [OutcomeRow] {
    streams.first { $0.name == stream }?.outcomes ?? []
  }

  /// The single disposition of a stream, or nil when its requests ended differently.
  func disposition(_ stream: String) -> String? {
    let rows = rows(stream)
    return rows.count == 1 ? rows[0].disposition : nil
  }

  /// The single status of a stream (0 for no HTTP answer), or nil when mixed.
  func status(_ stream: String) -> Int? {
    let statuses = Set(rows(stream).map { $0.status ?? 0 })
    return statuses.count == 1 ? statuses.first : nil
  }
}
