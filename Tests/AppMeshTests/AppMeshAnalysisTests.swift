import NetworkModel
import Testing

/// `meshsim check` findings for App Mesh.
@Suite struct AppMeshAnalysisTests {
  typealias F = AppMeshFixture

  static func findings(_ scenario: F.JSON) -> [String] {
    AppMeshAnalysis.run(F.model(scenario)).map(\.id.rawValue).sorted()
  }

  static func routerScenario(_ routes: [F.JSON], nodes: [F.JSON] = [F.node("a"), F.node("b")])
    -> F.JSON
  {
    F.scenario(appMesh: [
      "virtualNodes": nodes, "virtualRouters": [F.router("r")], "routes": routes,
    ])
  }

  @Test func aCatchAllWithAHigherPriorityShadowsLaterRoutes() {
    let routes = [
      F.route("all", router: "r", priority: 1, targets: [("a", 1)]),
      F.route("api", router: "r", priority: 2, match: ["prefix": "/api"], targets: [("b", 1)]),
    ]
    #expect(Self.findings(Self.routerScenario(routes)) == ["analysis.appmesh-route-shadowed"])
  }

  @Test func unprioritisedRoutesWithTheSamePrefixTie() {
    let routes = [
      F.route("one", router: "r", match: ["prefix": "/x", "method": "GET"], targets: [("a", 1)]),
      F.route("two", router: "r", match: ["prefix": "/x", "method": "POST"], targets: [("b", 1)]),
    ]
    #expect(Self.findings(Self.routerScenario(routes)) == ["analysis.appmesh-route-tie"])
    let disjoint = [
      F.route("one", router: "r", match: ["prefix": "/x"], targets: [("a", 1)]),
      F.route("two", router: "r", match: ["prefix": "/y"], targets: [("b", 1)]),
    ]
    #expect(Self.findings(Self.routerScenario(disjoint)) == [])
  }

  @Test func weightedTargetsOnDifferentPorts() {
    let routes = [
      [
        "meshName": "m", "virtualRouterName": "r", "routeName": "split",
        "spec": [
          "httpRoute": [
            "match": ["prefix": "/"],
            "action": [
              "weightedTargets": [
                ["virtualNode": "a", "weight": 1], ["virtualNode": "b", "weight": 1, "port": 9090],
              ]
            ],
          ]
        ],
      ]
    ]
    let nodes = [F.node("a"), F.node("b", port: 9090)]
    #expect(
      Self.findings(Self.routerScenario(routes, nodes: nodes)) == [
        "analysis.appmesh-target-ports-differ"
      ])
  }

  @Test func callingAnUndeclaredServiceAndAnUnresolvableName() {
    let scenario = F.scenario(
      appMesh: [
        "virtualNodes": [F.node("caller", backends: ["nowhere.example"]), F.node("b")],
        "virtualServices": [
          F.virtualService("b.mesh.local", node: "b"),
          F.virtualService("nowhere.example", node: "b"),
        ],
      ],
      taskDefinitions: [
        F.task("caller", node: "caller", behavior: ["proxyPass": "http://b.mesh.local:8080"]),
        F.task("b", node: "b"),
      ],
      services: [F.service("caller", "caller"), F.service("b", "b")])
    #expect(
      Self.findings(scenario) == [
        "analysis.appmesh-undeclared-backend", "analysis.appmesh-unresolvable-service",
      ])
  }

  @Test func tasksWithoutProxyConfigurationOrWithOtherAppPorts() {
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [F.node("a"), F.node("b")]],
      taskDefinitions: [
        F.task("a", node: "a", proxy: false), F.task("b", node: "b", ports: [9090]),
      ])
    #expect(
      Self.findings(scenario) == [
        "analysis.appmesh-app-port-mismatch", "analysis.appmesh-no-proxy-configuration",
      ])
  }
}
