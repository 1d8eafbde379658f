import NetworkModel
import SimKernel

/// Stages 4–6 of the pipeline for one seed: wire the actors, simulate, and collect the result.
///
/// Independent runs (seeds, scenarios) share nothing, so callers may run several at once.
public enum SimulationRun {
  public struct Options: Sendable {
    public var seed: UInt64?
    public var traces: TraceSelection
    /// Overrides every stream's request count (`--requests N`).
    public var requestCount: Int?

    public init(seed: UInt64? = nil, traces: TraceSelection = .first(5), requestCount: Int? = nil) {
      self.seed = seed
      self.traces = traces
      self.requestCount = requestCount
    }
  }

  public static func run(_ model: NetworkModel, options: Options = Options()) -> RunResult {
    var model = model
    if let count = options.requestCount {
      for index in model.traffic.indices { model.traffic[index].count = count }
    }
    let seed = options.seed ?? model.seed
    let world = WorldBuilder.build(model, seed: seed, traces: options.traces)
    world.run()
    return ResultCollector.collect(world, seed: seed)
  }
}
