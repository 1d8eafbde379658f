import Diagnostics
import NetworkModel
import ScenarioFormat
import SimEngine
import SimKernel

/// `meshsim compare`: the application wired four ways, each generated scenario checked by the
/// same decoder and model builder as a user's file, run under the same traffic, events and
/// seed, then measured, counted and priced.
public struct Comparison: Sendable {
  /// One wiring's outcome.
  public struct Run: Sendable {
    public var wired: WiredScenario
    /// The generated file's name (`shop-app-mesh.json`).
    public var fileName: String
    /// Problems the generated scenario had (a wiring bug); empty when it ran.
    public var problems: [Diagnostic]
    public var result: RunResult?
    public var metrics: OptionMetrics?
    public var movingParts: MovingParts
    public var cost: CostEstimate
  }

  public var app: ApplicationSpec
  public var seed: UInt64
  public var prices: PriceTable
  public var runs: [Run]

  /// Wires, runs and measures every option. `traces` sample requests are kept per run.
  public static func run(
    _ app: ApplicationSpec, seed: UInt64? = nil, traces: Int = 2,
    options: [WiringOption] = WiringOption.allCases
  ) -> Comparison {
    let seed = seed ?? app.seed
    let prices = PriceTable.standard.overridden(by: app.prices.map { ($0.key, $0.value) })
    let runs = options.map { option -> Run in
      let wired = ApplicationWiring.scenario(app, option)
      let fileName = "\(app.name)-\(option.fileSuffix).json"
      let diagnostics = DiagnosticEngine()
      let document = ScenarioDecoder.decode(
        bytes: Array(wired.text.utf8), file: fileName, diagnostics: diagnostics)
      let model =
        diagnostics.hasErrors
        ? nil : document.flatMap { ModelBuilder.build($0, diagnostics: diagnostics) }
      let parts = MovingParts(wired, app: app)
      guard let model, !diagnostics.hasErrors else {
        return Run(
          wired: wired, fileName: fileName,
          problems: diagnostics.diagnostics.filter { $0.severity == .error },
          result: nil, metrics: nil, movingParts: parts,
          cost: CostEstimate(app: app, wired: wired, result: nil, prices: prices))
      }
      let result = SimulationRun.run(
        model, options: .init(seed: seed, traces: traces == 0 ? .none : .first(traces)))
      return Run(
        wired: wired, fileName: fileName, problems: [], result: result,
        metrics: OptionMetrics(app: app, result: result), movingParts: parts,
        cost: CostEstimate(app: app, wired: wired, result: result, prices: prices))
    }
    return Comparison(app: app, seed: seed, prices: prices, runs: runs)
  }
}
