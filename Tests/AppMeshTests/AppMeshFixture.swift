import Diagnostics
import Foundation
import NetworkModel
import ScenarioFormat
import SimEngine

/// Small App Mesh scenarios for the tests, as dictionaries in the scenario format: one VPC with
/// two subnets and an open security group, a private DNS namespace `mesh.local` in which every
/// ECS service registers under its own name, mesh `m`, and a client `bastion`.
enum AppMeshFixture {
  typealias JSON = [String: Any]

  /// A task definition whose Envoy runs as virtual node `node` (or no Envoy when nil).
  static func task(
    _ family: String, node: String?, ports: [Int] = [8080], behavior: JSON = [:],
    ignoredPorts: [Int] = [], proxy: Bool = true
  ) -> JSON {
    var app: JSON = [
      "name": "app", "image": family, "behavior": behavior,
      "portMappings": ports.map { ["containerPort": $0] },
    ]
    if behavior.isEmpty { app["behavior"] = ["body": family] }
    var definition: JSON = ["family": family, "containerDefinitions": [app]]
    if let node {
      let envoy: JSON = [
        "name": "envoy", "image": "envoy", "user": "1337",
        "environment": [["name": "APPMESH_RESOURCE_ARN", "value": "mesh/m/virtualNode/\(node)"]],
      ]
      definition["containerDefinitions"] = [app, envoy]
      if proxy {
        var properties: [JSON] = [
          ["name": "IgnoredUID", "value": "1337"],
          ["name": "AppPorts", "value": ports.map(String.init).joined(separator: ",")],
        ]
        if !ignoredPorts.isEmpty {
          properties.append([
            "name": "EgressIgnoredPorts",
            "value": ignoredPorts.map(String.init).joined(separator: ","),
          ])
        }
        definition["proxyConfiguration"] = [
          "type": "APPMESH", "containerName": "envoy", "properties": properties,
        ]
      }
    }
    return definition
  }

  /// A virtual gateway task: Envoy only, listening on `ports`.
  static func gatewayTask(_ family: String, gateway: String, ports: [Int]) -> JSON {
    [
      "family": family,
      "containerDefinitions": [
        [
          "name": "envoy", "image": "envoy", "portMappings": ports.map { ["containerPort": $0] },
          "environment": [
            ["name": "APPMESH_RESOURCE_ARN", "value": "mesh/m/virtualGateway/\(gateway)"]
          ],
        ]
      ],
    ]
  }

  /// An ECS service registered in Cloud Map service `registry` (default: its own name).
  static func service(_ name: String, _ family: String, count: Int = 1, registry: String? = nil)
    -> JSON
  {
    [
      "serviceName": name, "cluster": "apps", "taskDefinition": family, "desiredCount": count,
      "networkConfiguration": [
        "awsvpcConfiguration": [
          "subnets": ["subnet-a", "subnet-b"], "securityGroups": ["sg-open"],
        ]
      ],
      "serviceRegistries": [["registryArn": "srv-\(registry ?? name)"]],
    ]
  }

  /// A virtual node listening on `port`, discovered through Cloud Map `<service>.mesh.local`.
  static func node(
    _ name: String, service: String? = nil, port: Int = 8080, protocolName: String = "http",
    backends: [String] = [], listener extra: JSON = [:], dns: String? = nil
  ) -> JSON {
    var listener: JSON = ["portMapping": ["port": port, "protocol": protocolName]]
    for (key, value) in extra { listener[key] = value }
    var spec: JSON = ["listeners": [listener]]
    spec["serviceDiscovery"] =
      dns.map { ["dns": ["hostname": $0]] }
      ?? ["awsCloudMap": ["namespaceName": "mesh.local", "serviceName": service ?? name]]
    if !backends.isEmpty {
      spec["backends"] = backends.map { ["virtualService": ["virtualServiceName": $0]] }
    }
    return ["meshName": "m", "virtualNodeName": name, "spec": spec]
  }

  static func virtualService(_ name: String, node: String? = nil, router: String? = nil) -> JSON {
    var provider: JSON = [:]
    if let node { provider["virtualNode"] = ["virtualNodeName": node] }
    if let router { provider["virtualRouter"] = ["virtualRouterName": router] }
    return [
      "meshName": "m", "virtualServiceName": name,
      "spec": provider.isEmpty ? [:] : ["provider": provider],
    ]
  }

  static func router(_ name: String, ports: [Int] = [8080], protocolName: String = "http") -> JSON {
    [
      "meshName": "m", "virtualRouterName": name,
      "spec": ["listeners": ports.map { ["portMapping": ["port": $0, "protocol": protocolName]] }],
    ]
  }

  static func route(
    _ name: String, router: String, priority: Int? = nil, match: JSON = ["prefix": "/"],
    targets: [(String, Int)], kind: String = "httpRoute", extra: JSON = [:]
  ) -> JSON {
    var body: JSON = [
      "match": match,
      "action": ["weightedTargets": targets.map { ["virtualNode": $0.0, "weight": $0.1] }],
    ]
    for (key, value) in extra { body[key] = value }
    var spec: JSON = [kind: body]
    if let priority { spec["priority"] = priority }
    return ["meshName": "m", "virtualRouterName": router, "routeName": name, "spec": spec]
  }

  static func traffic(
    _ name: String, url: String, from: Any = "bastion", count: Int = 10, rate: String = "10/s",
    headers: [String: String] = [:], start: String = "0s", timeout: String = "60s"
  ) -> JSON {
    var request: JSON = ["method": "GET", "url": url]
    if !headers.isEmpty { request["headers"] = headers }
    return [
      "name": name, "from": from, "request": request, "count": count, "rate": rate, "start": start,
      "timeout": timeout,
    ]
  }

  static func scenario(
    appMesh: JSON, taskDefinitions: [JSON] = [], services: [JSON] = [], traffic: [JSON] = [],
    events: [JSON] = [], egressFilter: String = "DROP_ALL", simulation: JSON? = nil,
    external: [JSON] = [], seed: Int = 1
  ) -> JSON {
    var mesh = appMesh
    if mesh["meshes"] == nil {
      mesh["meshes"] = [["meshName": "m", "spec": ["egressFilter": ["type": egressFilter]]]]
    }
    let registryNames = services.compactMap { service -> String? in
      ((service["serviceRegistries"] as? [JSON])?.first?["registryArn"] as? String).map {
        String($0.dropFirst(4))
      }
    }
    let registries = Array(Set(registryNames)).sorted().map { name -> JSON in
      [
        "Name": name, "Id": "srv-\(name)", "NamespaceId": "ns-mesh",
        "DnsConfig": ["RoutingPolicy": "MULTIVALUE", "DnsRecords": [["Type": "A", "TTL": 10]]],
      ]
    }
    var scenario: JSON = [
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
        "securityGroups": [
          [
            "GroupId": "sg-open", "VpcId": "vpc-1",
            "IpPermissions": [
              [
                "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535,
                "IpRanges": [["CidrIp": "10.0.0.0/16"]],
              ]
            ],
          ]
        ],
      ],
      "cloudMap": [
        "namespaces": [
          ["Name": "mesh.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1", "Id": "ns-mesh"]
        ],
        "services": registries,
      ],
      "ecs": [
        "clusters": [["clusterName": "apps"]], "taskDefinitions": taskDefinitions,
        "services": services,
      ],
      "appMesh": mesh,
      "clients": [["name": "bastion", "subnet": "subnet-a", "securityGroups": ["sg-open"]]],
      "traffic": traffic, "events": events, "external": external,
    ]
    if let simulation { scenario["simulation"] = simulation }
    return scenario
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
    return (ModelBuilder.build(document, diagnostics: engine), engine.diagnostics)
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

  /// The error ids a scenario produces.
  static func errorIDs(_ scenario: JSON) -> [String] {
    build(scenario).diagnostics.filter { $0.severity == .error }.map(\.id.rawValue)
  }

  /// Runs a valid scenario.
  static func run(_ scenario: JSON) -> RunResult {
    SimulationRun.run(model(scenario), options: .init(traces: .none))
  }
}

extension RunResult {
  /// How many requests of `stream` ended with `status` (any status when nil) and, if given, at
  /// `service` or with `disposition`.
  func count(
    _ stream: String, status: Int? = nil, service: String? = nil, disposition: String? = nil,
    body: String? = nil
  ) -> Int {
    guard let rows = streams.first(where: { $0.name == stream })?.outcomes else { return 0 }
    return rows.filter { row in
      (status == nil || row.status == status) && (service == nil || row.service == service)
        && (disposition == nil || row.disposition == disposition)
        && (body == nil || row.body == body)
    }.reduce(0) { $0 + $1.count }
  }
}
