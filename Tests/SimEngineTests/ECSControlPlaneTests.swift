import NetworkModel
@testable import SimEngine
import SimKernel
import Testing

/// The ECS scheduler's timing: tasks start PENDING and run after `taskStartDelay` (then Cloud
/// Map registers them); scale-in stops the newest first (deregistered at once, ENI gone after
/// `taskStopDelay`); StopTask is followed by a replacement; a forced new deployment starts a
/// full new set and stops the old tasks once the new ones run.
@Suite struct ECSControlPlaneTests {
  static func scenario(desired: Int, events: String) -> String {
    WorldFixture.cloudMap(tasks: desired, rest: """
      "events": \(events),
      "simulation": { "taskStartDelay": "20s", "taskStopDelay": "2s" }
      """)
  }

  func run(_ text: String) throws -> World {
    let model = try #require(WorldFixture.model(text))
    let world = WorldBuilder.build(model, seed: 1, traces: .none)
    world.run()
    return world
  }

  /// Timeline lines at `seconds`, without the timestamps.
  func timeline(_ world: World, at seconds: Int64) -> [String] {
    world.timeline.filter { $0.time == SimTime.zero + .seconds(seconds) }.map(\.text)
  }

  @Test func scaleOutStartsPendingTasksThatRunAfterTheStartDelay() throws {
    let world = try run(Self.scenario(desired: 1, events: #"[{ "at": "30s", "updateService": { "service": "backend", "desiredCount": 3 } }]"#))
    #expect(timeline(world, at: 30).contains("task backend/2 PENDING (10.0.2.4)"))
    #expect(timeline(world, at: 30).contains("task backend/3 PENDING (10.0.1.6)"))
    #expect(timeline(world, at: 50) == [
      "task backend/2 RUNNING", "Cloud Map: registered 10.0.2.4 (backend/2) in backend.shop.local",
      "task backend/3 RUNNING", "Cloud Map: registered 10.0.1.6 (backend/3) in backend.shop.local",
    ])
    #expect(world.ecs.runningTasks(of: 1).map(\.name) == ["backend/1", "backend/2", "backend/3"])
    #expect(world.task("backend/2")?.startedAt == SimTime.zero + .seconds(50))
  }

  @Test func tasksSpreadOverTheServiceSubnetsInTurn() throws {
    let world = try #require(WorldFixture.world(WorldFixture.cloudMap(tasks: 4)))
    let subnets = (1...4).map { world.task("backend/\($0)")!.subnet }
    #expect(subnets == [0, 1, 0, 1])
  }

  @Test func scaleInStopsTheNewestFirst() throws {
    let world = try run(Self.scenario(desired: 3, events: #"[{ "at": "10s", "updateService": { "service": "backend", "desiredCount": 1 } }]"#))
    #expect(timeline(world, at: 10) == [
      "event: scale service 'backend' to 1 tasks",
      "task backend/3 STOPPING (scaled in)", "Cloud Map: deregistered backend/3 from backend.shop.local",
      "task backend/2 STOPPING (scaled in)", "Cloud Map: deregistered backend/2 from backend.shop.local",
    ])
    #expect(timeline(world, at: 12) == ["task backend/3 STOPPED", "task backend/2 STOPPED"])
    #expect(world.interface(of: "backend/2")?.isUp == false)
    #expect(world.ecs.runningTasks(of: 1).map(\.name) == ["backend/1"])
    #expect(world.ecs.tasks(of: 1).count == 3, "no replacement after a scale-in")
  }

  @Test func stopTaskIsReplacedToKeepTheDesiredCount() throws {
    let world = try run(Self.scenario(desired: 2, events: #"[{ "at": "10s", "stopTask": { "task": "backend/1" } }]"#))
    #expect(timeline(world, at: 10).contains("task backend/1 STOPPING (StopTask)"))
    #expect(timeline(world, at: 10).contains("task backend/3 PENDING (10.0.1.6)"))
    #expect(timeline(world, at: 30).contains("task backend/3 RUNNING"))
    #expect(world.ecs.runningTasks(of: 1).map(\.name) == ["backend/2", "backend/3"])
  }

  @Test func stoppingAStoppedTaskChangesNothing() throws {
    let world = try run(Self.scenario(desired: 2, events: """
      [{ "at": "10s", "stopTask": { "task": "backend/1" } }, { "at": "20s", "stopTask": { "task": "backend/1" } }]
      """))
    #expect(world.ecs.tasks(of: 1).map(\.name) == ["backend/1", "backend/2", "backend/3"])
  }

  @Test func forcedNewDeploymentReplacesTasksOnceTheNewOnesRun() throws {
    let world = try run(Self.scenario(desired: 2, events: #"[{ "at": "10s", "updateService": { "service": "backend", "forceNewDeployment": true } }]"#))
    #expect(timeline(world, at: 10).contains("task backend/3 PENDING (10.0.1.6)"))
    #expect(timeline(world, at: 10).contains("task backend/4 PENDING (10.0.2.5)"))
    let at30 = timeline(world, at: 30)
    #expect(at30.contains("task backend/1 STOPPING (replaced by deployment 1)"))
    #expect(at30.contains("task backend/2 STOPPING (replaced by deployment 1)"))
    #expect(at30.firstIndex(of: "task backend/4 RUNNING")! < at30.firstIndex(of: "task backend/1 STOPPING (replaced by deployment 1)")!)
    #expect(timeline(world, at: 32) == ["task backend/1 STOPPED", "task backend/2 STOPPED"])
    #expect(world.ecs.runningTasks(of: 1).map(\.name) == ["backend/3", "backend/4"])
  }

  @Test func scaleToZeroAndBack() throws {
    let world = try run(Self.scenario(desired: 1, events: """
      [{ "at": "10s", "updateService": { "service": "backend", "desiredCount": 0 } },
       { "at": "20s", "updateService": { "service": "backend", "desiredCount": 1 } }]
      """))
    #expect(world.ecs.runningTasks(of: 1).map(\.name) == ["backend/2"])
    #expect(world.task("backend/2")?.startedAt == SimTime.zero + .seconds(40))
  }
}
