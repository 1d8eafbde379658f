import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

/// The rules of AWS behaviour §1 checked by `ModelBuilder+AppMesh`: each invalid configuration
/// is reported with its own diagnostic id.
@Suite struct AppMeshValidationTests {
  typealias F = AppMeshFixture

  /// One invalid configuration and the error it must produce.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var id: String
    var appMesh: @Sendable () -> F.JSON
    var testDescription: String { name }
  }

  static var nodes: [F.JSON] { [F.node("a"), F.node("b")] }

  static func withRoute(_ route: F.JSON, router: F.JSON = F.router("r")) -> F.JSON {
    ["virtualNodes": nodes, "virtualRouters": [router], "routes": [route]]
  }

  static func withGatewayRoute(_ spec: F.JSON, listeners: [Int] = [80]) -> F.JSON {
    let gateway: F.JSON = [
      "meshName": "m", "virtualGatewayName": "g",
      "spec": ["listeners": listeners.map { ["portMapping": ["port": $0, "protocol": "http"]] }],
    ]
    let route: F.JSON = [
      "meshName": "m", "virtualGatewayName": "g", "gatewayRouteName": "gr", "spec": spec,
    ]
    return [
      "virtualNodes": nodes, "virtualServices": [F.virtualService("svc.mesh.local", node: "a")],
      "virtualGateways": [gateway], "gatewayRoutes": [route],
    ]
  }

  static func gatewayHTTP(match: F.JSON, rewrite: F.JSON? = nil, port: Int? = nil) -> F.JSON {
    var target: F.JSON = ["virtualService": ["virtualServiceName": "svc.mesh.local"]]
    if let port { target["port"] = port }
    var action: F.JSON = ["target": target]
    if let rewrite { action["rewrite"] = rewrite }
    return ["httpRoute": ["match": match, "action": action]]
  }

  static let cases: [Case] = [
    Case(name: "prefix must start with '/'", id: "model.invalid-prefix") {
      withRoute(F.route("r1", router: "r", match: ["prefix": "api"], targets: [("a", 1)]))
    },
    Case(name: "prefix and path together", id: "model.exactly-one-of") {
      withRoute(
        F.route(
          "r1", router: "r", match: ["prefix": "/", "path": ["exact": "/a"]], targets: [("a", 1)]))
    },
    Case(name: "weights summing to 0", id: "model.weights-sum-zero") {
      withRoute(F.route("r1", router: "r", targets: [("a", 0), ("b", 0)]))
    },
    Case(name: "more than 10 weighted targets", id: "schema.value-out-of-range") {
      withRoute(F.route("r1", router: "r", targets: Array(repeating: ("a", 1), count: 11)))
    },
    Case(name: "weight above 100", id: "schema.value-out-of-range") {
      withRoute(F.route("r1", router: "r", targets: [("a", 101)]))
    },
    Case(name: "priority above 1000", id: "schema.value-out-of-range") {
      withRoute(F.route("r1", router: "r", priority: 1001, targets: [("a", 1)]))
    },
    Case(name: "two route kinds in one spec", id: "model.exactly-one-of") {
      var route = F.route("r1", router: "r", targets: [("a", 1)])
      var spec = route["spec"] as! F.JSON
      spec["http2Route"] = spec["httpRoute"]
      route["spec"] = spec
      return withRoute(route)
    },
    Case(name: "several router listeners need match.port", id: "model.route-port-required") {
      withRoute(
        F.route("r1", router: "r", targets: [("a", 1)]), router: F.router("r", ports: [8080, 9090]))
    },
    Case(name: "match.port that is not a router listener", id: "model.invalid-port") {
      withRoute(
        F.route("r1", router: "r", match: ["prefix": "/", "port": 7000], targets: [("a", 1)]))
    },
    Case(
      name: "a node with several listeners needs a target port", id: "model.target-port-required"
    ) {
      var node = F.node("multi")
      var spec = node["spec"] as! F.JSON
      spec["listeners"] = [
        ["portMapping": ["port": 8080, "protocol": "http"]],
        ["portMapping": ["port": 9090, "protocol": "http"]],
      ]
      node["spec"] = spec
      return [
        "virtualNodes": [node], "virtualRouters": [F.router("r")],
        "routes": [F.route("r1", router: "r", targets: [("multi", 1)])],
      ]
    },
    Case(name: "unknown target node", id: "model.unresolved-reference") {
      withRoute(F.route("r1", router: "r", targets: [("ghost", 1)]))
    },
    Case(name: "invalid header regex", id: "model.invalid-regex") {
      withRoute(
        F.route(
          "r1", router: "r",
          match: ["prefix": "/", "headers": [["name": "x", "match": ["regex": "a("]]]],
          targets: [("a", 1)]))
    },
    Case(name: "header range with start not below end", id: "model.invalid-range") {
      withRoute(
        F.route(
          "r1", router: "r",
          match: [
            "prefix": "/", "headers": [["name": "x", "match": ["range": ["start": 5, "end": 5]]]],
          ],
          targets: [("a", 1)]))
    },
    Case(name: "retry policy without events", id: "schema.missing-key") {
      withRoute(
        F.route(
          "r1", router: "r", targets: [("a", 1)],
          extra: ["retryPolicy": ["maxRetries": 2, "perRetryTimeout": ["value": 1, "unit": "s"]]]))
    },
    Case(name: "unknown retry event", id: "model.invalid-retry-event") {
      withRoute(
        F.route(
          "r1", router: "r", targets: [("a", 1)],
          extra: [
            "retryPolicy": [
              "maxRetries": 2, "perRetryTimeout": ["value": 1, "unit": "s"],
              "httpRetryEvents": ["server-errors"],
            ]
          ]))
    },
    Case(name: "reserved gateway prefix", id: "model.reserved-prefix") {
      withGatewayRoute(gatewayHTTP(match: ["prefix": "/aws-appmesh/x"]))
    },
    Case(name: "custom prefix rewrite must end with '/'", id: "model.invalid-rewrite") {
      withGatewayRoute(
        gatewayHTTP(match: ["prefix": "/red/"], rewrite: ["prefix": ["value": "/blue"]]))
    },
    Case(name: "defaultPrefix with a custom value", id: "model.invalid-rewrite") {
      withGatewayRoute(
        gatewayHTTP(
          match: ["prefix": "/red/"],
          rewrite: ["prefix": ["value": "/b/", "defaultPrefix": "DISABLED"]]))
    },
    Case(name: "prefix rewrite on a path match", id: "model.invalid-rewrite") {
      withGatewayRoute(
        gatewayHTTP(
          match: ["path": ["exact": "/red"]], rewrite: ["prefix": ["defaultPrefix": "DISABLED"]]))
    },
    Case(name: "hostname with both exact and suffix", id: "model.exactly-one-of") {
      withGatewayRoute(
        gatewayHTTP(match: ["prefix": "/", "hostname": ["exact": "a.com", "suffix": ".com"]]))
    },
    Case(name: "several gateway listeners need match.port", id: "model.route-port-required") {
      withGatewayRoute(gatewayHTTP(match: ["prefix": "/"]), listeners: [80, 81])
    },
    Case(name: "gateway target port that the provider does not listen on", id: "model.invalid-port")
    {
      withGatewayRoute(gatewayHTTP(match: ["prefix": "/"], port: 9999))
    },
    Case(name: "listener certificate that is two kinds at once", id: "model.exactly-one-of") {
      [
        "virtualNodes": [
          F.node(
            "a",
            listener: [
              "tls": [
                "mode": "STRICT",
                "certificate": [
                  "file": ["certificateChain": "/c.pem", "privateKey": "/k.pem"],
                  "sds": ["secretName": "s"],
                ],
              ]
            ])
        ]
      ]
    },
    Case(name: "connection pool of another protocol", id: "model.invalid-connection-pool") {
      ["virtualNodes": [F.node("a", listener: ["connectionPool": ["http2": ["maxRequests": 10]]])]]
    },
    Case(name: "health check on another port", id: "model.invalid-health-check") {
      [
        "virtualNodes": [
          F.node(
            "a",
            listener: [
              "healthCheck": [
                "protocol": "http", "path": "/ping", "port": 9999, "healthyThreshold": 2,
                "unhealthyThreshold": 2,
                "intervalMillis": 5000, "timeoutMillis": 2000,
              ]
            ])
        ]
      ]
    },
    Case(name: "listeners without service discovery", id: "schema.missing-key") {
      [
        "virtualNodes": [
          [
            "meshName": "m", "virtualNodeName": "a",
            "spec": ["listeners": [["portMapping": ["port": 8080, "protocol": "http"]]]],
          ]
        ]
      ]
    },
    Case(name: "virtual service with two providers", id: "model.exactly-one-of") {
      [
        "virtualNodes": nodes, "virtualRouters": [F.router("r")],
        "virtualServices": [F.virtualService("svc.mesh.local", node: "a", router: "r")],
      ]
    },
    Case(name: "duplicate virtual node", id: "model.duplicate-name") {
      ["virtualNodes": [F.node("a"), F.node("a")]]
    },
  ]

  @Test(arguments: cases)
  func invalidConfigurationsAreReported(_ example: Case) {
    let ids = F.errorIDs(F.scenario(appMesh: example.appMesh()))
    #expect(ids.contains(example.id), "got \(ids)")
  }

  @Test func proxyConfigurationNeedsAnEnvoyIdentity() {
    var definition = F.task("app", node: "a")
    definition["containerDefinitions"] = [(definition["containerDefinitions"] as! [F.JSON])[0]]
    var proxy = definition["proxyConfiguration"] as! F.JSON
    proxy["containerName"] = "app"
    definition["proxyConfiguration"] = proxy
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [F.node("a")]], taskDefinitions: [definition],
      services: [F.service("app", "app")])
    #expect(F.errorIDs(scenario) == ["model.proxy-without-envoy-identity"])
  }

  @Test func aVirtualGatewayMustNotUseProxyConfiguration() {
    var definition = F.gatewayTask("gw", gateway: "g", ports: [80])
    definition["proxyConfiguration"] = [
      "type": "APPMESH", "containerName": "envoy",
      "properties": [
        ["name": "IgnoredUID", "value": "1337"], ["name": "AppPorts", "value": "80"],
      ],
    ]
    let gateway: F.JSON = [
      "meshName": "m", "virtualGatewayName": "g",
      "spec": ["listeners": [["portMapping": ["port": 80, "protocol": "http"]]]],
    ]
    let scenario = F.scenario(
      appMesh: ["virtualGateways": [gateway]], taskDefinitions: [definition])
    #expect(F.errorIDs(scenario) == ["model.gateway-with-proxy-configuration"])
  }

  @Test(arguments: [
    "mesh/m/virtualNode/ghost", "mesh/x/virtualNode/a", "virtualNode/a", "arn:aws:s3:::bucket",
  ])
  func meshIdentitiesMustNameAResource(_ value: String) {
    var definition = F.task("app", node: "a")
    var containers = definition["containerDefinitions"] as! [F.JSON]
    containers[1]["environment"] = [["name": "APPMESH_RESOURCE_ARN", "value": value]]
    definition["containerDefinitions"] = containers
    let ids = F.errorIDs(
      F.scenario(appMesh: ["virtualNodes": [F.node("a")]], taskDefinitions: [definition]))
    #expect(
      ids.contains { $0 == "model.unresolved-reference" || $0 == "model.invalid-mesh-identity" },
      "got \(ids)")
  }

  @Test(arguments: [
    "arn:aws:appmesh:us-east-1:123456789012:mesh/m/virtualNode/a", "mesh/m/virtualNode/a",
  ])
  func identitiesAcceptArnsAndShortForms(_ value: String) {
    var definition = F.task("app", node: "a")
    var containers = definition["containerDefinitions"] as! [F.JSON]
    containers[1]["environment"] = [["name": "APPMESH_RESOURCE_ARN", "value": value]]
    definition["containerDefinitions"] = containers
    let model = F.model(
      F.scenario(appMesh: ["virtualNodes": [F.node("a")]], taskDefinitions: [definition]))
    #expect(model.appMesh.identities == [.virtualNode(0)])
  }

  @Test func theSameProblemInSeveralRevisionsIsReportedOnce() {
    let scenario = F.scenario(
      appMesh: [
        "virtualNodes": [F.node("a"), F.node("b")], "virtualRouters": [F.router("r")],
        "routes": [F.route("r1", router: "r", match: ["prefix": "bad"], targets: [("a", 1)])],
      ],
      events: [
        ["at": "1s", "updateVirtualNode": F.node("b")],
        ["at": "2s", "updateVirtualNode": F.node("b")],
      ])
    #expect(F.errorIDs(scenario) == ["model.invalid-prefix"])
  }
}
