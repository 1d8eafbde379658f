import ScenarioFormat
import SimKernel

/// A resolved expectation: which requests it looks at and what must hold for them.
public struct Expectation: Sendable {
  public var name: String
  public var traffic: Int
  public var after: SimDuration?
  public var before: SimDuration?
  public var filter: ExpectationSpec.Filter
  public var share: ExpectationSpec.Bounds?
  public var count: ExpectationSpec.Bounds?
  /// Bounds on the number of distinct tasks that answered the matching requests.
  public var distinctTasks: ExpectationSpec.Bounds?
  public var latencyMs: [(statistic: String, bounds: ExpectationSpec.Bounds)]
  public var source: SourceRef
}
