import Foundation
import Testing

/// `meshsim bench` times the same simulation `meshsim run` does; its figures are wall-clock
/// times, so these tests check the counts, the fingerprint and the shape, never the speed.
@Suite("meshsim bench")
struct BenchCommandTests {
  static let scenario = Repository.path("Scenarios/bench/colorteller-load.json")

  @Test("tsv: a header and one line whose counts and fingerprint match meshsim run")
  func tsvMatchesRun() throws {
    let bench = CLIRun(["bench", Self.scenario, "--requests", "200", "--rounds", "2", "--format", "tsv"])
    #expect(bench.status == 0, "\(bench.stderr)")
    let lines = bench.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    try #require(lines.count == 2)
    #expect(lines[0] == ["requests", "events", "read_s", "build_s", "wire_s", "simulate_s", "collect_s", "us_per_request", "peak_mb"])
    #expect(lines[1].count == lines[0].count)
    #expect(lines[1][0] == "400", "two streams of 200")
    #expect(lines[1].dropFirst(2).allSatisfy { Double($0).map { $0 >= 0 } ?? false })

    let run = CLIRun(["run", Self.scenario, "--requests", "200"])
    let header = try #require(run.stdout.split(separator: "\n").first)
    #expect(header.contains("· \(lines[1][1]) events ·"), "bench and run simulate the same events: \(header)")
    let text = CLIRun(["bench", Self.scenario, "--requests", "200", "--rounds", "1"])
    let fingerprint = try #require(header.split(separator: " ").last)
    #expect(text.stdout.contains("fingerprint \(fingerprint)"))
    #expect(text.stdout.contains("median of 1 round, seconds:"))
  }

  @Test("an invalid scenario exits 65 with its diagnostics; bad options exit 64")
  func errors() {
    let folder = ScratchFolder("bench")
    defer { folder.cleanUp() }
    let broken = folder.write("broken.json", "{ \"name\": 3 }")
    let invalid = CLIRun(["bench", broken])
    #expect(invalid.status == 65)
    #expect(invalid.stderr.contains("broken.json:1:"))
    #expect(CLIRun(["bench", Self.scenario, "--rounds", "0"]).status == 64)
    #expect(CLIRun(["bench", Self.scenario, "--format", "html"]).status == 64)
    #expect(CLIRun(["bench"]).status == 64)
  }
}
