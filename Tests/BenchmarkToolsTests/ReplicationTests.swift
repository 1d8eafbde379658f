import Foundation
import MeshSimCLI
import NetworkModel
import Reports
import SimEngine
import Testing

/// The repository's `Scenarios` folder.
let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Scenarios")

func loadModel(_ relativePath: String) throws -> NetworkModel {
  let loaded = ScenarioLoader.load(scenariosFolder.appendingPathComponent(relativePath).path)
  return try #require(loaded.model, "\(relativePath) does not load: \(ScenarioLoader.render(loaded))")
}

@Suite("Replications")
struct ReplicationTests {
  @Test(
    "parallel replications equal the same seeds run one by one",
    arguments: [("bench/cloudmap-chain-load.json", 4, 600), ("cloudmap/backend-scaling.json", 3, nil)])
  func parallelEqualsSequential(scenario: String, count: Int, requests: Int?) throws {
    let model = try loadModel(scenario)
    let seeds = ReplicationRunner.seeds(from: model.seed, count: count)
    #expect(seeds == (0..<UInt64(count)).map { model.seed + $0 })
    let options = SimulationRun.Options(traces: .none, requestCount: requests)
    let parallel = ReplicationRunner.run(model, seeds: seeds, options: options)
    let oneByOne = seeds.map { seed in
      SimulationRun.run(model, options: .init(seed: seed, traces: .none, requestCount: requests))
    }
    #expect(parallel.map(\.seed) == seeds)
    #expect(parallel.map { JSONReport.render($0) } == oneByOne.map { JSONReport.render($0) })
    #expect(ReplicationSummary(parallel) == ReplicationSummary(oneByOne))
    #expect(ReplicationReport.json(ReplicationSummary(parallel)) == ReplicationReport.json(ReplicationSummary(oneByOne)))
    #expect(Set(parallel.map(\.fingerprint)).count == count, "different seeds give different runs")
  }

  @Test("the summary pools counts, zero-fills missing outcomes and counts passed expectations")
  func summaryMerges() throws {
    let model = try loadModel("bench/cloudmap-chain-load.json")
    let results = ReplicationRunner.run(model, seeds: [11, 12, 13], options: .init(traces: .none, requestCount: 400))
    let summary = ReplicationSummary(results)
    let stream = try #require(summary.streams.first)
    #expect(stream.sent == 1200)
    #expect(stream.outcomes.reduce(0) { $0 + $1.count } == 1200)
    for row in stream.outcomes {
      let perRun = results.map { run in run.streams[0].outcomes.first { $0.task == row.task && $0.status == row.status }?.count ?? 0 }
      #expect(row.count == perRun.reduce(0, +))
      #expect(row.share == SampleEstimate(perRun.map { Double($0) / 400 }))
    }
    #expect(stream.latency.map(\.statistic) == ReplicationSummary.latencyStatistics)
    #expect(summary.expectations.allSatisfy { $0.passedCount == 3 })
    #expect(summary.passed)
    #expect(summary.processedEvents == results.reduce(0) { $0 + $1.processedEvents })
  }

  @Test(
    "confidence intervals use Student's t",
    arguments: [
      ([1.0, 2, 3, 4, 5], 3.0, 2.776 * 1.5811388300841898 / 5.0.squareRoot()),
      ([2.0, 2, 2], 2.0, 0.0),
      ([0.25, 0.35], 0.3, 12.706 * 0.07071067811865477 / 2.0.squareRoot()),
    ])
  func studentT(values: [Double], mean: Double, halfWidth: Double) throws {
    let estimate = SampleEstimate(values)
    #expect(abs(estimate.mean - mean) < 1e-12)
    #expect(abs(try #require(estimate.halfWidth) - halfWidth) < 1e-9)
    #expect(estimate.minimum == values.min() && estimate.maximum == values.max())
  }

  @Test("one replication has no interval; the t table narrows towards 1.96")
  func edgeCases() {
    #expect(SampleEstimate([4]).halfWidth == nil)
    #expect(SampleEstimate([4]).low == 4 && SampleEstimate([4]).high == 4)
    let quantiles = [1, 2, 10, 30, 31, 45, 100, 1000].map { SampleEstimate.studentT975(degreesOfFreedom: $0) }
    #expect(quantiles == quantiles.sorted(by: >))
    #expect(quantiles.last == 1.980)
  }

  @Test("run --replications prints the merged report and exits by the expectations")
  func commandLine() throws {
    let path = scenariosFolder.appendingPathComponent("bench/cloudmap-chain-load.json").path
    let console = Console(capturing: true)
    let status = MeshSimCommand.main(["run", path, "--replications", "2", "--requests", "300", "--format", "json"], console: console)
    #expect(status == 0)
    let model = try loadModel("bench/cloudmap-chain-load.json")
    let expected = ReplicationReport.json(ReplicationSummary(
      ReplicationRunner.run(model, seeds: [11, 12], options: .init(traces: .none, requestCount: 300), parallel: false)))
    #expect(console.standardOutput == expected)
    let usage = Console(capturing: true)
    #expect(MeshSimCommand.main(["run", path, "--replications", "0"], console: usage) == 64)
  }
}
