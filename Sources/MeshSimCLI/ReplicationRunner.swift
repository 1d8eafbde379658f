import Dispatch
import Foundation
import NetworkModel
import SimEngine

/// Runs one scenario with consecutive seeds (`seed`, `seed + 1`, …), in parallel across the
/// machine's cores: each run builds its own world and shares nothing with the others, so the
/// results are exactly those of running the seeds one after another. Results come back in seed
/// order whatever order the runs finish in.
public enum ReplicationRunner {
  /// The seeds of `count` replications starting at `firstSeed` (wrapping around at 2^64).
  public static func seeds(from firstSeed: UInt64, count: Int) -> [UInt64] {
    (0..<count).map { firstSeed &+ UInt64($0) }
  }

  /// The result of each seed's run, in seed order. `parallel: false` runs them one by one
  /// (the reference the parallel runs must equal).
  public static func run(_ model: NetworkModel, seeds: [UInt64], options: SimulationRun.Options,
                         parallel: Bool = true) -> [RunResult] {
    @Sendable func runOne(_ seed: UInt64) -> RunResult {
      var seeded = options
      seeded.seed = seed
      return SimulationRun.run(model, options: seeded)
    }
    guard parallel, seeds.count > 1 else { return seeds.map(runOne) }
    let slots = ResultSlots<RunResult>(count: seeds.count)
    DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
      slots.set(index, runOne(seeds[index]))
    }
    return slots.values
  }
}

/// One slot per parallel run, written under a lock.
final class ResultSlots<Value>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  /// Every slot's value, in order (all slots must be set).
  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return storage.map { $0! }
  }
}
