import Diagnostics
import Foundation
import NetworkModel
import ScenarioFormat
import SimEngine

/// Small scenarios for the Service Connect tests, written as dictionaries in the scenario
/// format: one VPC with two subnets, namespaces `prod` and `dev` (HTTP) and `prod.local`
/// (private DNS), cluster `apps` whose default namespace is `prod` and cluster `bare` without
/// one, and task definitions `api` (port `api` 8080, http), `tcp` (port `db` 5432, no
/// appProtocol), `caller` (no port) and `two-ports` (`api` 8080 http, `admin` 9090).
enum ServiceConnectFixture {
  typealias JSON = [String: Any]

  static let subnets = ["subnet-a", "subnet-b"]

  static func taskDefinition(_ family: String, ports: [JSON], behavior: JSON? = nil) -> JSON {
    var container: JSON = ["name": family, "image": "example/\(family)", "portMappings": ports]
    if let behavior { container["behavior"] = behavior }
    return ["family": family, "containerDefinitions": [container]]
  }

  static var taskDefinitions: [JSON] {
    [
      taskDefinition(
        "api", ports: [["name": "api", "containerPort": 8080, "appProtocol": "http"]],
        behavior: ["body": "api"]),
      taskDefinition(
        "tcp", ports: [["name": "db", "containerPort": 5432]], behavior: ["body": "db"]),
      taskDefinition("caller", ports: []),
      taskDefinition(
        "two-ports",
        ports: [
          ["name": "api", "containerPort": 8080, "appProtocol": "http"],
          ["name": "admin", "containerPort": 9090],
        ]),
    ]
  }

  /// An ECS service in both subnets with the open security group.
  static func service(
    _ name: String, _ family: String, count: Int = 1, serviceConnect: JSON? = nil,
    groups: [String] = ["sg-open"], subnets: [String] = subnets
  ) -> JSON {
    var service: JSON = [
      "serviceName": name, "cluster": "apps", "taskDefinition": family, "desiredCount": count,
      "networkConfiguration": [
        "awsvpcConfiguration": ["subnets": subnets, "securityGroups": groups]
      ],
    ]
    if let serviceConnect { service["serviceConnectConfiguration"] = serviceConnect }
    return service
  }

  /// A client-server configuration with one entry.
  static func server(
    portName: String = "api", discoveryName: String? = nil, alias: JSON? = ["port": 80],
    namespace: String? = nil, extra: JSON = [:]
  ) -> JSON {
    var entry: JSON = ["portName": portName]
    if let discoveryName { entry["discoveryName"] = discoveryName }
    if let alias { entry["clientAliases"] = [alias] }
    for (key, value) in extra { entry[key] = value }
    var configuration: JSON = ["enabled": true, "services": [entry]]
    if let namespace { configuration["namespace"] = namespace }
    return configuration
  }

  static var client: JSON { ["enabled": true] }

  static func traffic(
    _ name: String, from service: String, url: String, count: Int = 10, rate: String = "10/s",
    start: String = "0s", timeout: String = "60s"
  ) -> JSON {
    [
      "name": name, "from": ["service": service], "request": ["url": url], "count": count,
      "rate": rate, "start": start,
      "timeout": timeout,
    ]
  }

  static func scenario(
    services: [JSON], traffic: [JSON] = [], events: [JSON] = [], groups: [JSON]? = nil,
    taskDefinitions: [JSON] = taskDefinitions, tasks: [JSON] = [], seed: Int = 1
  ) -> JSON {
    let open: JSON = [
      "GroupId": "sg-open", "VpcId": "vpc-1",
      "IpPermissions": [
        [
          "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535,
          "IpRanges": [["CidrIp": "10.0.0.0/16"]],
        ]
      ],
    ]
    return [
      "name": "fixture", "seed": seed,
      "ec2": [
        "vpcs": [["VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"]],
        "subnets": [
          [
            "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24",
            "AvailabilityZone": "us-east-1a",
          ],
          [
            "SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24",
            "AvailabilityZone": "us-east-1b",
          ],
        ],
        "securityGroups": [open] + (groups ?? []),
      ],
      "cloudMap": [
        "namespaces": [
          ["Name": "prod", "Type": "HTTP", "Id": "ns-prod"],
          ["Name": "dev", "Type": "HTTP", "Id": "ns-dev"],
          ["Name": "prod.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1", "Id": "ns-prodlocal"],
        ]
      ],
      "ecs": [
        "clusters": [
          ["clusterName": "apps", "serviceConnectDefaults": ["namespace": "prod"]],
          ["clusterName": "bare"],
        ],
        "taskDefinitions": taskDefinitions, "services": services, "tasks": tasks,
      ],
      "traffic": traffic, "events": events,
    ]
  }

  /// Decodes and builds a scenario; the model is nil when an error was reported.
  static func build(_ scenario: JSON) -> (model: NetworkModel?, diagnostics: [Diagnostic]) {
    let engine = DiagnosticEngine()
    let data = try! JSONSerialization.data(withJSONObject: scenario, options: [.sortedKeys])
    guard
      let document = ScenarioDecoder.decode(
        bytes: [UInt8](data), file: "fixture.json", diagnostics: engine)
    else {
      return (nil, engine.diagnostics)
    }
    let model = ModelBuilder.build(document, diagnostics: engine)
    return (model, engine.diagnostics)
  }

  /// Builds a scenario that must be valid.
  static func model(_ scenario: JSON) -> NetworkModel {
    let built = build(scenario)
    guard let model = built.model else {
      fatalError(
        "fixture scenario is invalid: \(built.diagnostics.map { "\($0.id) \($0.message)" })")
    }
    return model
  }

  /// Builds and runs a world, for inspecting its state after the run.
  static func run(_ scenario: JSON, traces: TraceSelection = .first(50)) -> World {
    let model = model(scenario)
    let world = WorldBuilder.build(model, seed: model.seed, traces: traces)
    world.run()
    return world
  }
}
