import Diagnostics
import NetworkModel
import ScenarioFormat
import Testing

/// Decoding of the `appMesh` section in App Mesh API shapes.
@Suite struct AppMeshDecodingTests {
  typealias F = AppMeshFixture

  static func minimal(nodes: [F.JSON] = [F.node("a")], extra: F.JSON = [:]) -> F.JSON {
    var mesh: F.JSON = ["virtualNodes": nodes]
    for (key, value) in extra { mesh[key] = value }
    return F.scenario(appMesh: mesh)
  }

  @Test func describeOnlyFieldsAreAccepted() {
    var node = F.node("a")
    node["arn"] = "arn:aws:appmesh:us-east-1:123456789012:mesh/m/virtualNode/a"
    node["metadata"] = ["version": 3, "uid": "abc"]
    node["status"] = ["status": "ACTIVE"]
    node["version"] = 3
    #expect(F.errorIDs(Self.minimal(nodes: [node])) == [])
  }

  @Test func unknownKeysAreErrorsWithASuggestion() throws {
    var node = F.node("a")
    node["virtualNodeNam"] = "a"
    let diagnostics = F.build(Self.minimal(nodes: [node])).diagnostics
    let unknown = try #require(diagnostics.first { $0.id.rawValue == "schema.unknown-key" })
    #expect(unknown.message.contains("virtualNodeNam"))
    #expect(unknown.notes.contains { $0.message.contains("virtualNodeName") })
  }

  @Test func aGatewayListenerCannotBeTCP() {
    let gateway: F.JSON = [
      "meshName": "m", "virtualGatewayName": "g",
      "spec": ["listeners": [["portMapping": ["port": 80, "protocol": "tcp"]]]],
    ]
    #expect(
      F.errorIDs(Self.minimal(extra: ["virtualGateways": [gateway]])).contains(
        "schema.invalid-value"))
  }

  @Test func meshNameMayBeLeftOutWithASingleMesh() {
    var node = F.node("a")
    node["meshName"] = nil
    #expect(F.errorIDs(Self.minimal(nodes: [node])) == [])
    var twoMeshes = Self.minimal(nodes: [node])
    var mesh = twoMeshes["appMesh"] as! F.JSON
    mesh["meshes"] = [["meshName": "m", "spec": [:]], ["meshName": "n", "spec": [:]]]
    twoMeshes["appMesh"] = mesh
    #expect(F.errorIDs(twoMeshes).contains("schema.missing-key"))
  }

  @Test(arguments: [
    ("healthyThreshold", 1, "schema.value-out-of-range"),
    ("intervalMillis", 1000, "schema.value-out-of-range"),
    ("timeoutMillis", 70000, "schema.value-out-of-range"),
  ])
  func healthCheckRangesAreChecked(_ example: (field: String, value: Int, id: String)) {
    var check: F.JSON = [
      "protocol": "http", "path": "/ping", "healthyThreshold": 2, "unhealthyThreshold": 2,
      "intervalMillis": 5000, "timeoutMillis": 2000,
    ]
    check[example.field] = example.value
    #expect(
      F.errorIDs(Self.minimal(nodes: [F.node("a", listener: ["healthCheck": check])])) == [
        example.id
      ])
  }

  @Test func durationsTakeAValueAndAUnit() {
    let bad = F.node(
      "a", listener: ["timeout": ["http": ["perRequest": ["value": 5, "unit": "minutes"]]]])
    #expect(F.errorIDs(Self.minimal(nodes: [bad])) == ["schema.invalid-value"])
    let good = F.node(
      "a", listener: ["timeout": ["http": ["perRequest": ["value": 20, "unit": "s"]]]])
    let model = F.model(Self.minimal(nodes: [good]))
    #expect(model.appMesh.initial.virtualNodes[0].listeners[0].perRequestTimeout == .seconds(20))
  }

  @Test func updateEventsInstallARevisionEach() throws {
    let scenario = F.scenario(
      appMesh: [
        "virtualNodes": [F.node("a"), F.node("b")], "virtualRouters": [F.router("r")],
        "routes": [F.route("r1", router: "r", targets: [("a", 1)])],
      ],
      events: [
        ["at": "10s", "updateRoute": F.route("r1", router: "r", targets: [("a", 1), ("b", 1)])],
        [
          "at": "5s",
          "updateMesh": ["meshName": "m", "spec": ["egressFilter": ["type": "ALLOW_ALL"]]],
        ],
      ])
    let model = F.model(scenario)
    #expect(model.appMesh.revisions.count == 3)
    #expect(model.appMesh.revisions[1].meshes[0].egressFilter == .allowAll)
    #expect(model.appMesh.revisions[1].routes[0].targets.count == 1)
    #expect(model.appMesh.revisions[2].routes[0].targets.count == 2)
    #expect(model.appMesh.revisionOfEvent["/events/0/updateRoute"] == 2)
    #expect(model.appMesh.revisionOfEvent["/events/1/updateMesh"] == 1)
  }

  @Test func anUpdateOfAnUndeclaredResourceIsAnError() {
    let scenario = F.scenario(
      appMesh: ["virtualNodes": [F.node("a")]],
      events: [["at": "1s", "updateVirtualNode": F.node("ghost")]])
    #expect(F.errorIDs(scenario) == ["model.unresolved-reference"])
  }
}
