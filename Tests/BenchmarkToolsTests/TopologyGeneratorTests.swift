import Foundation
import MeshSimCLI
import NetworkModel
import SimEngine
import Testing

@Suite("Topology generator")
struct TopologyGeneratorTests {
  static func options(_ option: TopologyGenerator.Option, services: Int = 8, routes: Int = 20) -> TopologyGenerator.Options {
    var options = TopologyGenerator.Options()
    options.option = option
    options.services = services
    options.tasksPerService = 2
    options.routes = routes
    options.requests = 400
    return options
  }

  /// Writes a generated scenario to a temporary file and loads it like `meshsim run` does.
  static func load(_ options: TopologyGenerator.Options) throws -> ScenarioLoader.Loaded {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("meshsim-generated-\(options.option.rawValue)-\(UUID().uuidString).json").path
    try TopologyGenerator(options).scenarioText().write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return ScenarioLoader.load(path)
  }

  @Test("every option gives a valid scenario whose requests reach the routed service", arguments: TopologyGenerator.Option.allCases)
  func validAndRouted(option: TopologyGenerator.Option) throws {
    let loaded = try Self.load(Self.options(option))
    // Warnings are fine (large Lattice listeners pass the default rule quota, which AWS raises
    // on request); errors are not.
    #expect(!loaded.diagnostics.hasErrors, "\(ScenarioLoader.render(loaded))")
    let model = try #require(loaded.model)
    #expect(model.services.filter { $0.name.hasPrefix("app-") }.count == 8)
    let result = SimulationRun.run(model, options: .init(traces: .none))
    #expect(result.streams.count == 8)
    for (index, stream) in result.streams.enumerated() {
      let service = "app-" + String(repeating: "0", count: 3) + String(index + 1)  // 8 services: app-0001…
      #expect(stream.outcomes.allSatisfy { $0.service == service && $0.status == 200 }, "\(stream.name): \(stream.outcomes)")
    }
    #expect(result.passed)
  }

  @Test("the same options give the same bytes; another seed changes only the seed")
  func deterministic() {
    let first = TopologyGenerator(Self.options(.mixed)).scenarioText()
    #expect(first == TopologyGenerator(Self.options(.mixed)).scenarioText())
    var reseeded = Self.options(.mixed)
    reseeded.seed = 9
    let other = TopologyGenerator(reseeded).scenarioText()
    #expect(other != first)
    #expect(other.replacingOccurrences(of: "\"seed\": 9", with: "\"seed\": 1") == first)
  }

  @Test(
    "routes are spread evenly over the services",
    arguments: [(services: 8, routes: 20), (services: 8, routes: 3), (services: 5, routes: 0)])
  func routesSpread(services: Int, routes: Int) {
    let generator = TopologyGenerator(Self.options(.lattice, services: services, routes: routes))
    let counts = (0..<services).map { generator.routePrefixes($0).count }
    #expect(counts.reduce(0, +) == routes)
    #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1)
  }

  @Test(
    "Lattice services group five applications, more when five would pass MeshSim's 200 services",
    arguments: [(applications: 8, perService: 5), (applications: 1000, perService: 5), (applications: 1001, perService: 6),
      (applications: 3000, perService: 15)])
  func latticeGroups(applications: Int, perService: Int) {
    let generator = TopologyGenerator(Self.options(.lattice, services: applications, routes: 0))
    #expect(generator.applicationsPerLatticeService == perService)
    let groups = Set((0..<applications).map(generator.latticeGroup(of:)))
    #expect(groups.count <= LatticeModel.maximumServices)
    #expect(groups.count == (applications + perService - 1) / perService)
  }

  @Test("--streams sends fewer streams to services spread over the topology, requests split evenly")
  func fewerStreams() throws {
    var options = Self.options(.cloudMap, services: 10)
    options.streams = 3
    options.requests = 31
    let generator = TopologyGenerator(options)
    #expect((0..<3).map(generator.service(ofStream:)) == [0, 3, 6])
    let model = try #require(try Self.load(options).model)
    #expect(model.traffic.map(\.name) == ["to-app-0001", "to-app-0004", "to-app-0007"])
    #expect(model.traffic.map(\.count) == [11, 10, 10])
    options.streams = 50
    #expect(TopologyGenerator(options).streamCount == 10)
  }

  @Test("meshsim generate writes the scenario and rejects a topology too big for its subnets")
  func commandLine() {
    let console = Console(capturing: true)
    #expect(MeshSimCommand.main(["generate", "--services", "3", "--tasks-per-service", "1", "--routes", "6"], console: console) == 0)
    var options = TopologyGenerator.Options()
    options.services = 3
    options.tasksPerService = 1
    options.routes = 6
    #expect(console.standardOutput == TopologyGenerator(options).scenarioText())
    let tooBig = Console(capturing: true)
    #expect(MeshSimCommand.main(["generate", "--services", "1000", "--tasks-per-service", "100"], console: tooBig) == 64)
    #expect(tooBig.standardError.contains("at most 45000"))
  }
}
