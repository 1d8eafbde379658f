import SimKernel

/// Several runs of one scenario with consecutive seeds, merged into one report: per traffic
/// stream the pooled outcome counts and latency histogram, and across the replications the mean
/// and 95% confidence interval (`SampleEstimate`) of each outcome's share and of each latency
/// statistic; per expectation, in how many replications it held.
///
/// It is computed from the runs' results alone, in seed order, so it is the same whether the
/// runs happened one after another or in parallel.
public struct ReplicationSummary: Sendable, Equatable {
  /// One outcome row (who answered, with what) across the replications.
  public struct Outcome: Sendable, Equatable {
    public var service: String?
    public var task: String?
    public var status: Int?
    public var disposition: String
    /// Requests with this outcome, summed over the replications.
    public var count: Int
    /// Its share of each replication's sent requests (0 where it did not occur).
    public var share: SampleEstimate
  }
  /// One latency statistic across the replications, in milliseconds.
  public struct Latency: Sendable, Equatable {
    /// `p50`, `p90`, `p99`, `mean` or `max`.
    public var statistic: String
    public var estimate: SampleEstimate
    /// The statistic of all replications' samples pooled.
    public var pooled: Double
  }
  public struct Stream: Sendable, Equatable {
    public var name: String
    public var origin: String
    public var request: String
    /// Requests sent, summed over the replications.
    public var sent: Int
    public var outcomes: [Outcome]
    /// Empty when no request of any replication completed with a latency.
    public var latency: [Latency]
  }
  public struct Expectation: Sendable, Equatable {
    public var name: String
    /// Replications in which it held.
    public var passedCount: Int
  }

  public var scenario: String
  public var seeds: [UInt64]
  public var fingerprints: [String]
  public var processedEvents: Int
  public var streams: [Stream]
  public var expectations: [Expectation]

  public var replicationCount: Int { seeds.count }
  /// Whether every expectation held in every replication.
  public var passed: Bool { expectations.allSatisfy { $0.passedCount == seeds.count } }

  /// The latency statistics reported, in order (each as `ExpectationEvaluator.milliseconds`
  /// works it out).
  public static let latencyStatistics = ["p50", "p90", "p99", "mean", "max"]

  /// Merges the results of one scenario's replications, given in seed order.
  public init(_ results: [RunResult]) {
    precondition(!results.isEmpty, "a summary needs at least one run")
    scenario = results[0].scenario
    seeds = results.map(\.seed)
    fingerprints = results.map(\.fingerprint)
    processedEvents = results.reduce(0) { $0 + $1.processedEvents }
    streams = results[0].streams.indices.map { index in
      ReplicationSummary.stream(results.map { $0.streams[index] })
    }
    expectations = results[0].expectations.indices.map { index in
      Expectation(name: results[0].expectations[index].name,
                  passedCount: results.filter { $0.expectations[index].passed }.count)
    }
  }

  static func stream(_ runs: [RunResult.Stream]) -> Stream {
    struct Key: Hashable { var service: String?; var task: String?; var status: Int?; var disposition: String }
    var counts: [Key: [Int]] = [:]
    for (replication, run) in runs.enumerated() {
      for row in run.outcomes {
        let key = Key(service: row.service, task: row.task, status: row.status, disposition: row.disposition)
        counts[key, default: Array(repeating: 0, count: runs.count)][replication] += row.count
      }
    }
    let outcomes = counts.map { key, perRun in
      Outcome(service: key.service, task: key.task, status: key.status, disposition: key.disposition,
              count: perRun.reduce(0, +),
              share: SampleEstimate(perRun.indices.map { runs[$0].sent == 0 ? 0 : Double(perRun[$0]) / Double(runs[$0].sent) }))
    }.sorted { a, b in
      if a.count != b.count { return a.count > b.count }
      return (a.service ?? "", a.task ?? "", a.status ?? 0, a.disposition) < (b.service ?? "", b.task ?? "", b.status ?? 0, b.disposition)
    }
    var pooled = LatencyHistogram()
    for run in runs { pooled.merge(run.latency) }
    let measured = runs.filter { $0.latency.count > 0 }
    let latency = measured.isEmpty ? [] : latencyStatistics.map { statistic in
      Latency(statistic: statistic, estimate: SampleEstimate(measured.map { ExpectationEvaluator.milliseconds(statistic, $0.latency) }),
              pooled: ExpectationEvaluator.milliseconds(statistic, pooled))
    }
    return Stream(name: runs[0].name, origin: runs[0].origin, request: runs[0].request,
                  sent: runs.reduce(0) { $0 + $1.sent }, outcomes: outcomes, latency: latency)
  }
}
