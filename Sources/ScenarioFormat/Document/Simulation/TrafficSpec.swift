import SimKernel

/// A stream of requests (simulation-only): who sends what, how many, how fast.
public struct TrafficSpec: Sendable {
  /// How requests are spaced: exactly `interval` apart, or exponentially distributed gaps.
  public enum Arrival: String, CaseIterable, Sendable {
    case uniform, poisson
  }
  public var name: String
  public var origin: TrafficOrigin
  public var originSource: SourceRef
  public var method: String
  public var url: String
  public var headers: [(String, String)]
  public var count: Int
  /// Mean time between two requests.
  public var interval: SimDuration
  public var start: SimDuration
  public var arrival: Arrival
  public var timeout: SimDuration?
  /// IAM principal that signs the requests; nil = the origin's own identity (or anonymous).
  public var principal: String?
  /// Send unsigned requests (the anonymous principal), whatever the origin's identity.
  public var unsigned: Bool
  public var source: SourceRef
}
