import Diagnostics
import ScenarioFormat
import Testing

@testable import Compare

/// The translation alone (JSON to JSON); replays run in the end-to-end tests.
@Suite struct MeshMigrationTests {
  static let scenario = """
    {
      "name": "mini-mesh", "seed": 3, "region": "us-west-2",
      "ec2": {
        "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
        "subnets": [{ "SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-west-2a" }],
        "securityGroups": [
          { "GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1", "IpPermissions": [] },
          { "GroupId": "sg-gw", "GroupName": "gw", "VpcId": "vpc-1", "IpPermissions": [] }
        ]
      },
      "cloudMap": {
        "namespaces": [{ "Name": "mesh.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1", "Id": "ns-1" }],
        "services": [{ "Name": "gateway", "Id": "srv-gw", "NamespaceId": "ns-1",
                       "DnsConfig": { "RoutingPolicy": "MULTIVALUE", "DnsRecords": [{ "Type": "A", "TTL": 10 }] } }]
      },
      "ecs": {
        "clusters": [{ "clusterName": "c" }],
        "taskDefinitions": [
          { "family": "api-v1", "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [] },
            "containerDefinitions": [
              { "name": "app", "portMappings": [{ "containerPort": 8080 }],
                "behavior": { "calls": [{ "url": "http://db.mesh.local:5432/" }] } },
              { "name": "envoy", "environment": [{ "name": "APPMESH_RESOURCE_ARN", "value": "mesh/m/virtualNode/api-v1" }] }
            ] },
          { "family": "api-v2", "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [] },
            "containerDefinitions": [
              { "name": "app", "portMappings": [{ "containerPort": 8080 }] },
              { "name": "envoy", "environment": [{ "name": "APPMESH_VIRTUAL_NODE_NAME", "value": "mesh/m/virtualNode/api-v2" }] }
            ] },
          { "family": "gw", "containerDefinitions": [
              { "name": "envoy", "portMappings": [{ "containerPort": 9000 }],
                "environment": [{ "name": "APPMESH_RESOURCE_ARN", "value": "arn:aws:appmesh:us-west-2:1:mesh/m/virtualGateway/gw-vg" }] }
            ] }
        ],
        "services": [
          { "serviceName": "api-v1", "taskDefinition": "api-v1:3", "desiredCount": 2,
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-app"] } } },
          { "serviceName": "api-v2", "taskDefinition": "api-v2", "desiredCount": 1,
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-app"] } } },
          { "serviceName": "gateway", "taskDefinition": "gw", "desiredCount": 1,
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-gw"] } },
            "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-west-2:1:service/srv-gw" }] }
        ]
      },
      "appMesh": {
        "meshes": [{ "meshName": "m", "spec": { "egressFilter": { "type": "DROP_ALL" } } }],
        "virtualNodes": [
          { "meshName": "m", "virtualNodeName": "api-v1", "spec": {
              "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" },
                              "healthCheck": { "path": "/ping", "intervalMillis": 10000, "timeoutMillis": 2000,
                                               "healthyThreshold": 2, "unhealthyThreshold": 3, "protocol": "http" },
                              "outlierDetection": { "maxServerErrors": 5 } }],
              "serviceDiscovery": { "awsCloudMap": { "namespaceName": "mesh.local", "serviceName": "api" } } } },
          { "meshName": "m", "virtualNodeName": "api-v2", "spec": {
              "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" }, "tls": { "mode": "STRICT" } }],
              "serviceDiscovery": { "awsCloudMap": { "namespaceName": "mesh.local", "serviceName": "api" } } } },
          { "meshName": "m", "virtualNodeName": "db", "spec": {
              "listeners": [{ "portMapping": { "port": 5432, "protocol": "tcp" } }],
              "serviceDiscovery": { "dns": { "hostname": "db.example.com" } } } }
        ],
        "virtualRouters": [{ "meshName": "m", "virtualRouterName": "api-router",
                             "spec": { "listeners": [{ "portMapping": { "port": 8080, "protocol": "http" } }] } }],
        "routes": [
          { "meshName": "m", "virtualRouterName": "api-router", "routeName": "canary-header", "spec": { "priority": 1,
              "httpRoute": { "match": { "prefix": "/", "headers": [{ "name": "x-canary", "match": { "exact": "1" } },
                                                                   { "name": "x-user", "match": { "regex": "a.*" } }] },
                             "action": { "weightedTargets": [{ "virtualNode": "api-v2", "weight": 1 }] } } } },
          { "meshName": "m", "virtualRouterName": "api-router", "routeName": "split", "spec": { "priority": 2,
              "httpRoute": { "match": { "prefix": "/" },
                             "action": { "weightedTargets": [{ "virtualNode": "api-v1", "weight": 90 },
                                                             { "virtualNode": "api-v2", "weight": 10 }] },
                             "retryPolicy": { "maxRetries": 3, "perRetryTimeout": { "unit": "s", "value": 1 },
                                              "httpRetryEvents": ["server-error"] } } } }
        ],
        "virtualServices": [
          { "meshName": "m", "virtualServiceName": "api.mesh.local",
            "spec": { "provider": { "virtualRouter": { "virtualRouterName": "api-router" } } } },
          { "meshName": "m", "virtualServiceName": "db.mesh.local",
            "spec": { "provider": { "virtualNode": { "virtualNodeName": "db" } } } }
        ],
        "virtualGateways": [{ "meshName": "m", "virtualGatewayName": "gw-vg",
                              "spec": { "listeners": [{ "portMapping": { "port": 9000, "protocol": "http" } }] } }],
        "gatewayRoutes": [{ "meshName": "m", "virtualGatewayName": "gw-vg", "gatewayRouteName": "to-api",
                            "spec": { "httpRoute": { "match": { "prefix": "/api" },
                                      "action": { "target": { "virtualService": { "virtualServiceName": "api.mesh.local" } } } } } }]
      },
      "clients": [{ "name": "bastion", "subnet": "subnet-1" }],
      "traffic": [{ "name": "in", "from": "bastion", "request": { "method": "GET", "url": "http://gateway.mesh.local:9000/api/x" },
                    "count": 10, "rate": "1/s" }],
      "events": [
        { "at": "5s", "updateService": { "service": "api-v1", "desiredCount": 3 } },
        { "at": "6s", "updateRoute": { "meshName": "m", "virtualRouterName": "api-router", "routeName": "split", "spec": {} } },
        { "at": "7s", "updateService": { "service": "gateway", "desiredCount": 2 } }
      ]
    }
    """

  static func plan(_ target: MigrationTarget) throws -> MeshMigration.Plan {
    let root = try #require(
      JSONReader.parse(Array(scenario.utf8), file: "mini.json", diagnostics: DiagnosticEngine()))
    return MeshMigration.migrate(root, to: target)
  }

  static func losses(_ plan: MeshMigration.Plan) -> [String] {
    plan.losses.map { "\($0.feature) · \($0.resource)" }
  }

  @Test(arguments: MigrationTarget.allCases)
  func meshPiecesAreGone(target: MigrationTarget) throws {
    let plan = try Self.plan(target)
    #expect(plan.document["appMesh"] == nil)
    #expect(plan.document["name"]?.stringValue == "mini-mesh-\(target.rawValue)")
    for definition in plan.document["ecs"]?["taskDefinitions"]?.elements ?? [] {
      #expect(definition["proxyConfiguration"] == nil)
      let envoys = (definition["containerDefinitions"]?.elements ?? []).filter {
        MeshInventory.isEnvoy($0)
      }
      #expect(envoys.isEmpty)
    }
    let api = plan.document["ecs"]?["taskDefinitions"]?.elements.first {
      $0["family"]?.stringValue == "api-v1"
    }
    #expect(
      api?["containerDefinitions"]?.elements.first?["portMappings"]?.elements.first?["name"]?
        .stringValue == "port-8080")
    #expect(plan.document["events"]?.elements.contains { $0["updateRoute"] != nil } == false)
    let losses = Self.losses(plan)
    for expected in [
      "egress filtering · mesh", "TLS / mTLS · virtual node api-v2",
      "outlier detection tuning · virtual node api-v1",
      "retry tuning · route split", "gateway rewrites · gateway route to-api",
      "App Mesh API events · event at 6s",
    ] {
      #expect(losses.contains(expected), "\(expected) in \(losses)")
    }
  }

  @Test func serviceConnectKeepsNamesButLosesTheSplit() throws {
    let plan = try Self.plan(.serviceConnect)
    let services = plan.document["ecs"]?["services"]?.elements ?? []
    let configuration = { (name: String) in
      services.first { $0["serviceName"]?.stringValue == name }?["serviceConnectConfiguration"]
    }
    let owner = try #require(configuration("api-v1"))
    #expect(owner["namespace"]?.stringValue == "mesh.local")
    #expect(
      owner["services"]?.elements.first?["clientAliases"]?.elements.first?["dnsName"]?.stringValue
        == "api.mesh.local")
    #expect(
      owner["services"]?.elements.first?["clientAliases"]?.elements.first?["port"] == .int(8080))
    #expect(owner["services"]?.elements.first?["portName"]?.stringValue == "port-8080")
    #expect(configuration("api-v2")?["services"] == nil)
    #expect(configuration("gateway")?["enabled"] == .bool(true))
    let gateway = plan.document["ecs"]?["taskDefinitions"]?.elements.first {
      $0["family"]?.stringValue == "gw"
    }
    let proxy = try #require(gateway?["containerDefinitions"]?.elements.first)
    #expect(proxy["name"]?.stringValue == "ingress")
    #expect(proxy["behavior"]?["paths"]?.elements.first?["prefix"]?.stringValue == "/api")
    #expect(
      proxy["behavior"]?["paths"]?.elements.first?["proxyPass"]?.stringValue
        == "http://api.mesh.local:8080")
    #expect(
      plan.document["traffic"]?.elements.first?["request"]?["url"]?.stringValue
        == "http://gateway.mesh.local:9000/api/x")
    let losses = Self.losses(plan)
    #expect(losses.contains("weighted routing · virtual service api.mesh.local"))
    #expect(losses.contains("path, header and method routing · virtual router api-router"))
    #expect(losses.contains("active health checks · virtual node api-v1"))
    #expect(plan.changes.contains { $0.contains("db.mesh.local is provided by no ECS service") })
  }

  @Test func latticeKeepsTheSplitAndTheHeaderRoute() throws {
    let plan = try Self.plan(.lattice)
    let lattice = try #require(plan.document["lattice"])
    #expect(
      lattice["targetGroups"]?.elements.compactMap { $0["name"]?.stringValue } == [
        "api-v1-tg", "api-v2-tg",
      ])
    let health = lattice["targetGroups"]?.elements.first?["config"]?["healthCheck"]
    #expect(health?["path"]?.stringValue == "/ping")
    #expect(health?["healthCheckIntervalSeconds"] == .int(10))
    #expect(health?["unhealthyThresholdCount"] == .int(3))
    #expect(
      lattice["services"]?.elements.compactMap { $0["name"]?.stringValue } == ["api", "gw-vg"])
    let listener = try #require(
      lattice["listeners"]?.elements.first { $0["serviceIdentifier"]?.stringValue == "api" })
    #expect(listener["port"] == .int(8080))
    #expect(
      listener["defaultAction"]?["forward"]?["targetGroups"]?.elements.map { $0["weight"] } == [
        .int(90), .int(10),
      ])
    let rule = try #require(
      lattice["rules"]?.elements.first { $0["serviceIdentifier"]?.stringValue == "api" })
    #expect(rule["match"]?["httpMatch"]?["headerMatches"]?.elements.count == 1)
    let gatewayRule = try #require(
      lattice["rules"]?.elements.first { $0["serviceIdentifier"]?.stringValue == "gw-vg" })
    #expect(
      gatewayRule["match"]?["httpMatch"]?["pathMatch"]?["match"]?["prefix"]?.stringValue == "/api")
    let gatewayListener = lattice["listeners"]?.elements.first {
      $0["serviceIdentifier"]?.stringValue == "gw-vg"
    }
    #expect(gatewayListener?["defaultAction"]?["fixedResponse"]?["statusCode"] == .int(404))
    let url = try #require(
      plan.document["traffic"]?.elements.first?["request"]?["url"]?.stringValue)
    #expect(
      url.hasPrefix("http://gw-vg-")
        && url.hasSuffix(".vpc-lattice-svcs.us-west-2.on.aws:9000/api/x"))
    #expect(
      plan.document["ecs"]?["services"]?.elements.contains {
        $0["serviceName"]?.stringValue == "gateway"
      } == false)
    #expect(plan.document["events"]?.elements.count == 1)
    let app = plan.document["ec2"]?["securityGroups"]?.elements.first {
      $0["GroupId"]?.stringValue == "sg-app"
    }
    #expect(
      app?["IpPermissions"]?.elements.first?["PrefixListIds"]?.elements.first?["PrefixListId"]?
        .stringValue == "pl-vpc-lattice")
    let losses = Self.losses(plan)
    #expect(losses.contains("header matching · route canary-header"))
    #expect(losses.contains("events · event at 7s"))
    #expect(!losses.contains { $0.hasPrefix("weighted routing") })
  }

  @Test(arguments: MigrationTarget.allCases)
  func translationIsDeterministic(target: MigrationTarget) throws {
    #expect(try Self.plan(target).text == Self.plan(target).text)
  }

  @Test(arguments: [
    ("lattice", "lattice"), ("colorteller-1.default.svc.cluster.local", "colorteller-1"),
    ("Gateway_VG", "gateway-vg"), ("a", "a-svc"), ("svc-orders", "s-orders"), ("x.y", "x-svc"),
  ])
  func latticeNames(raw: String, name: String) {
    #expect(LatticeNaming.serviceName(raw) == name)
  }
}
