import Diagnostics
import NetworkModel
import RouteMatching
import ScenarioFormat
@testable import SimEngine
import SimKernel
import Testing

/// Builds worlds from scenario text and drives their event loop step by step.
enum WorldFixture {
  /// The model of a scenario; records an issue (and returns nil) when it does not build.
  static func model(_ text: String) -> NetworkModel? {
    let engine = DiagnosticEngine()
    guard let document = ScenarioDecoder.decode(bytes: Array(text.utf8), file: "test.json", diagnostics: engine),
      let model = ModelBuilder.build(document, diagnostics: engine)
    else {
      Issue.record("scenario does not build: \(engine.diagnostics.map { "\($0.id): \($0.message)" })")
      return nil
    }
    return model
  }

  /// A wired world with every service's initial tasks RUNNING, at time zero.
  static func world(_ text: String, seed: UInt64 = 1) -> World? {
    guard let model = model(text) else { return nil }
    let world = WorldBuilder.build(model, seed: seed, traces: .none)
    world.ecs.startInitialTasks(in: world)
    return world
  }

  /// A full run, as `meshsim run` does it.
  static func run(_ text: String, seed: UInt64? = nil) -> RunResult? {
    model(text).map { SimulationRun.run($0, options: .init(seed: seed, traces: .none)) }
  }

  /// A scenario in one VPC (10.0.0.0/16) with subnets a (10.0.1.0/24) and b (10.0.2.0/24),
  /// the given security groups, and the remaining top-level members.
  static func scenario(securityGroups: String = "[]", _ rest: String) -> String {
    """
    {
      "name": "fixture",
      "ec2": {
        "vpcs": [{ "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16" }],
        "subnets": [
          { "SubnetId": "subnet-a", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a" },
          { "SubnetId": "subnet-b", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "us-east-1b" }
        ],
        "securityGroups": \(securityGroups)
      },
      \(rest)
    }
    """
  }

  /// Cloud Map namespace `shop.local` with one service `backend` answered by an ECS service of
  /// `tasks` tasks, and a one-task `frontend` service to ask from.
  static func cloudMap(tasks: Int, policy: String = "MULTIVALUE", ttl: Int = 60, rest: String = "") -> String {
    scenario("""
      "cloudMap": {
        "namespaces": [{ "Id": "ns-1", "Name": "shop.local", "Type": "DNS_PRIVATE", "Vpc": "vpc-1" }],
        "services": [{
          "Id": "srv-backend", "Name": "backend", "NamespaceId": "ns-1",
          "DnsConfig": { "RoutingPolicy": "\(policy)", "DnsRecords": [{ "Type": "A", "TTL": \(ttl) }] },
          "HealthCheckCustomConfig": { "FailureThreshold": 1 }
        }]
      },
      "ecs": {
        "taskDefinitions": [{ "family": "app", "containerDefinitions": [{ "name": "app", "portMappings": [{ "containerPort": 8080 }] }] }],
        "services": [
          { "serviceName": "frontend", "taskDefinition": "app", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } },
          {
            "serviceName": "backend", "taskDefinition": "app", "desiredCount": \(tasks),
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a", "subnet-b"] } },
            "serviceRegistries": [{ "registryArn": "srv-backend" }]
          }
        ]
      }\(rest.isEmpty ? "" : ",\n" + rest)
      """)
  }
}

extension World {
  /// Processes every event due up to `time` (inclusive) and leaves the clock there or earlier.
  func advance(to time: SimTime) {
    while let message = simulation.nextEvent(until: time, skipping: { self.isObsolete($0) }) { dispatch(message) }
  }

  /// Makes the clock reach `time` exactly (an idle timer marks it).
  func advanceClock(to time: SimTime) {
    let marker = add(Probe(name: "clock \(time.nanoseconds)"))
    startTimer(marker.id, after: time - now, tag: 0)
    advance(to: time)
  }

  /// The task of a service by its name `service/N`.
  func task(_ name: String) -> TaskActor? { tasks.first { $0.name == name } }

  /// The ENI of a task.
  func interface(of task: String) -> NetworkInterface? { self.task(task).map { interfaces[Int($0.interface)] } }
}

/// An actor that sends requests from an interface and records what comes back, for tests
/// that drive the world verb by verb.
final class Probe: SimActor {
  struct Received {
    var response: Response
    var at: SimTime
  }
  var received: [Received] = []
  var timers: [(tag: Int64, at: SimTime)] = []

  override func handleResponse(_ exchange: Int32, in world: World) {
    received.append(Received(response: world.exchanges[exchange].response, at: world.now))
  }

  override func handleTimer(_ tag: Int64, in world: World) { timers.append((tag, world.now)) }

  /// Sends `GET url` from interface `interface` (the world's `call` verb) as a new request.
  func send(_ url: String, from interface: Int32, timeout: SimDuration = .seconds(2), in world: World) {
    let request = world.requests.open(.init(stream: 0, index: 0, startedAt: world.now, trace: -1, isOpen: true))
    guard let head = RequestHead(method: "GET", url: world.expandURL(url)) else {
      Issue.record("bad URL \(url)")
      return
    }
    world.call(from: interface, caller: id, head: head, parent: -1, request: request, timeout: timeout)
  }
}
