import NetworkModel
import Testing

@testable import SimEngine

/// What a task's `/etc/hosts` and listeners hold: the names of its namespace as they were when
/// the task was created, and nothing for tasks outside Service Connect (aws-behaviour §2.2–2.3).
@Suite struct ServiceConnectHostsFileTests {
  typealias F = ServiceConnectFixture

  /// `orders` gets Service Connect at 10 s; `web` is redeployed at 60 s; `dev-web` is in `dev`.
  static func world() -> World {
    F.run(
      F.scenario(
        services: [
          F.service("orders", "api", count: 2),
          F.service("web", "caller", serviceConnect: F.client),
          F.service("dev-web", "caller", serviceConnect: ["enabled": true, "namespace": "dev"]),
        ],
        events: [
          [
            "at": "10s",
            "updateService": [
              "service": "orders",
              "serviceConnectConfiguration": F.server(
                discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"]),
            ],
          ],
          ["at": "60s", "updateService": ["service": "web", "forceNewDeployment": true]],
        ],
        tasks: [
          [
            "name": "batch", "taskDefinition": "caller",
            "networkConfiguration": [
              "awsvpcConfiguration": ["subnets": ["subnet-a"], "securityGroups": ["sg-open"]]
            ],
          ]
        ]))
  }

  static func interface(_ task: String, in world: World) -> NetworkInterface {
    let actor = world.tasks.first { $0.name == task }!
    return world.interfaces[Int(actor.interface)]
  }

  @Test func aTaskKeepsTheNamesOfItsStart() {
    let world = Self.world()
    #expect(Self.interface("web/1", in: world).hostsFile["orders"] == nil)
    let redeployed = Self.interface("web/2", in: world)
    #expect(redeployed.hostsFile["orders"] == IPv4Address("127.255.0.1")!.value)
    let listener = redeployed.loopbackListener(IPv4Address("127.255.0.1")!.value, 80)
    #expect(listener.map { world.actors[Int($0)] is ServiceConnectProxyActor } == true)
  }

  @Test func onlyServiceConnectTasksOfTheNamespaceGetTheName() {
    let world = Self.world()
    #expect(Self.interface("dev-web/1", in: world).hostsFile.isEmpty)
    #expect(Self.interface("batch/1", in: world).hostsFile.isEmpty)
    #expect(Self.interface("orders/1", in: world).hostsFile.isEmpty)  // started before its own configuration
    #expect(Self.interface("orders/3", in: world).hostsFile["orders"] != nil)
  }

  @Test func theServerProxyTakesTheContainerPort() {
    let world = Self.world()
    let old = Self.interface("orders/1", in: world)
    #expect(old.listeners[8080].map { world.actors[Int($0)] is TaskActor } == true)
    let new = Self.interface("orders/3", in: world)
    let ingress = new.listeners[8080].flatMap {
      world.actors[Int($0)] as? ServiceConnectIngressActor
    }
    #expect(ingress?.endpoints.map(\.discoveryName) == ["orders"])
    #expect(world.tasks.first { $0.name == "orders/3" }?.sidecars == ["service-connect"])
  }

  @Test func runningServerTasksAreCloudMapInstancesOfTheDiscoveryName() throws {
    let world = Self.world()
    let service = try #require(
      world.model.discoveryServices.firstIndex { $0.fullName == "orders.prod" })
    let instances = world.cloudMap.currentInstances(of: service, at: world.now)
    #expect(instances.map { world.tasks[Int($0.task)].name } == ["orders/3", "orders/4"])
    #expect(instances.allSatisfy { $0.port == 8080 })
  }

  @Test func anOverrideMovesOnlyTheProxyPort() {
    let world = F.run(
      F.scenario(services: [
        F.service("orders", "api", serviceConnect: F.server(extra: ["ingressPortOverride": 9999]))
      ]))
    let interface = Self.interface("orders/1", in: world)
    #expect(
      interface.listeners[9999].map { world.actors[Int($0)] is ServiceConnectIngressActor } == true)
    #expect(interface.listeners[8080].map { world.actors[Int($0)] is TaskActor } == true)
  }

  @Test func turningServiceConnectOffRemovesTheNamesForNewTasks() {
    let world = F.run(
      F.scenario(
        services: [
          F.service(
            "orders", "api",
            serviceConnect: F.server(
              discoveryName: "orders", alias: ["port": 80, "dnsName": "orders"])),
          F.service("web", "caller", serviceConnect: F.client),
        ],
        events: [
          [
            "at": "10s",
            "updateService": [
              "service": "orders", "serviceConnectConfiguration": ["enabled": false],
            ],
          ],
          ["at": "40s", "updateService": ["service": "web", "forceNewDeployment": true]],
        ]))
    #expect(Self.interface("web/1", in: world).hostsFile["orders"] != nil)
    #expect(Self.interface("web/2", in: world).hostsFile["orders"] == nil)
    #expect(
      Self.interface("orders/2", in: world).listeners[8080].map {
        world.actors[Int($0)] is TaskActor
      } == true)
  }
}
