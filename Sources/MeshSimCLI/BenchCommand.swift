import Foundation
import NetworkModel
import SimEngine

#if canImport(Glibc)
  import Glibc
#endif

/// `meshsim bench`: how long each stage of the pipeline takes on one scenario, measured inside
/// the process (no process start-up or report printing in the figures), as the median of a few
/// rounds, with the events and requests simulated per second and the peak resident memory.
///
/// This is the one command whose output is not deterministic: it reports wall-clock time. The
/// simulation it times is the same as `meshsim run` (same seed, same events, same fingerprint,
/// which it prints so a benchmark can be checked against a run).
enum BenchCommand: Subcommand {
  static let name = "bench"
  static let abstract = "time the pipeline's stages on a scenario (wall clock, median of rounds)"
  static let usage = "usage: meshsim bench <scenario.json> [--requests N] [--rounds R] [--seed N] [--format text|tsv]"
  static var help: String {
    """
    \(abstract)

    \(usage)

    Times, in this process: reading the file; decoding and building the model (stages 1–3);
    wiring the actors; simulating; collecting the result. Each round does all of them again;
    the figures are the medians over the rounds. No traces are kept and no report is rendered.

    OPTIONS:
      --requests N   override the request count of every traffic stream
      --rounds R     rounds to run (default 3)
      --seed N       seed (default: the scenario's)
      --format F     text (default) or tsv: a header line and one line of figures, for scripts
                     (Benchmarks/scale.sh reads it)

    Exits 65 when the scenario is invalid.
    """
  }
  static let options: [ArgumentScanner.Option] = [
    .init(name: "requests", takesValue: true), .init(name: "rounds", takesValue: true),
    .init(name: "seed", takesValue: true), .init(name: "format", takesValue: true),
  ]

  /// One round's stage times in seconds, and what the simulation did.
  struct Round {
    var read = 0.0
    var build = 0.0
    var wire = 0.0
    var simulate = 0.0
    var collect = 0.0
    var events = 0
    var requests = 0
    var fingerprint = ""
  }

  static func execute(_ arguments: ArgumentScanner, console: Console) throws -> ExitStatus {
    guard arguments.positionals.count == 1 else { throw UsageError("bench takes exactly one scenario file") }
    let path = arguments.positionals[0]
    let format = try arguments.choice("format", among: ["text", "tsv"]) ?? "text"
    let rounds = try arguments.integer("rounds", range: 1...1_000) ?? 3
    let requests = try arguments.integer("requests", range: 0...100_000_000)
    let seedOverride = try arguments.integer("seed", range: 0...Int.max).map { UInt64($0) }
    var measured: [Round] = []
    for _ in 0..<rounds {
      var round = Round()
      let clock = ContinuousClock()
      var start = clock.now
      guard let data = FileManager.default.contents(atPath: path) else {
        let loaded = ScenarioLoader.load(path)
        console.err(ScenarioLoader.render(loaded))
        return .invalidScenario
      }
      let bytes = [UInt8](data)
      round.read = seconds(since: start, clock)
      start = clock.now
      let loaded = ScenarioLoader.load(bytes: bytes, path: path)
      guard var model = loaded.model else {
        console.err(ScenarioLoader.render(loaded))
        return .invalidScenario
      }
      if let requests {
        for index in model.traffic.indices { model.traffic[index].count = requests }
      }
      round.build = seconds(since: start, clock)
      let seed = seedOverride ?? model.seed
      start = clock.now
      let world = WorldBuilder.build(model, seed: seed, traces: .none)
      round.wire = seconds(since: start, clock)
      start = clock.now
      world.run()
      round.simulate = seconds(since: start, clock)
      start = clock.now
      let result = ResultCollector.collect(world, seed: seed)
      round.collect = seconds(since: start, clock)
      round.events = result.processedEvents
      round.requests = model.traffic.reduce(0) { $0 + $1.count }
      round.fingerprint = result.fingerprint
      measured.append(round)
    }
    let summary = median(measured)
    console.out(format == "tsv" ? tsv(summary, rounds: rounds) : text(summary, path: path, rounds: rounds))
    return .success
  }

  static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// Each stage's median over the rounds (the counts are the same in every round).
  static func median(_ rounds: [Round]) -> Round {
    func middle(_ values: [Double]) -> Double {
      let sorted = values.sorted()
      let count = sorted.count
      return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    }
    var summary = rounds[0]
    summary.read = middle(rounds.map(\.read))
    summary.build = middle(rounds.map(\.build))
    summary.wire = middle(rounds.map(\.wire))
    summary.simulate = middle(rounds.map(\.simulate))
    summary.collect = middle(rounds.map(\.collect))
    return summary
  }

  /// Peak resident set size of this process so far, in MB (Linux reports kilobytes).
  static var peakMegabytes: Double {
    #if canImport(Glibc)
      var usage = rusage()
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024
    #else
      return 0
    #endif
  }

  static func perSecond(_ count: Int, _ seconds: Double) -> Double { seconds > 0 ? Double(count) / seconds : 0 }

  static func text(_ round: Round, path: String, rounds: Int) -> String {
    func figure(_ value: Double) -> String { String(format: "%.4f", value) }
    let microseconds = round.requests > 0 ? round.simulate / Double(round.requests) * 1e6 : 0
    return """
      meshsim bench \(path) · \(round.requests) requests · \(round.events) events · fingerprint \(round.fingerprint)
      median of \(rounds) round\(rounds == 1 ? "" : "s"), seconds:
        read file          \(figure(round.read))
        decode + build     \(figure(round.build))
        wire actors        \(figure(round.wire))
        simulate           \(figure(round.simulate))
        collect result     \(figure(round.collect))
      simulate: \(String(format: "%.0f", perSecond(round.events, round.simulate))) events/s, \
      \(String(format: "%.0f", perSecond(round.requests, round.simulate))) requests/s, \
      \(String(format: "%.3f", microseconds)) µs/request
      peak memory \(String(format: "%.1f", peakMegabytes)) MB

      """
  }

  static func tsv(_ round: Round, rounds: Int) -> String {
    let microseconds = round.requests > 0 ? round.simulate / Double(round.requests) * 1e6 : 0
    let header = ["requests", "events", "read_s", "build_s", "wire_s", "simulate_s", "collect_s", "us_per_request", "peak_mb"]
    let values = [
      "\(round.requests)", "\(round.events)", String(format: "%.6f", round.read), String(format: "%.6f", round.build),
      String(format: "%.6f", round.wire), String(format: "%.6f", round.simulate), String(format: "%.6f", round.collect),
      String(format: "%.4f", microseconds), String(format: "%.1f", peakMegabytes),
    ]
    return header.joined(separator: "\t") + "\n" + values.joined(separator: "\t") + "\n"
  }
}
