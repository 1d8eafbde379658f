/// The hosts a load balancer may pick from, as Envoy decides them: the healthy hosts that
/// outlier detection has not ejected — unless fewer than the panic threshold (50 % by
/// default) of all hosts are such, in which case Envoy ignores health and uses every host
/// (Envoy load balancing, "Panic threshold").
public struct EligibleHosts: Sendable {
  public let hosts: [UpstreamHost]
  /// True when too few hosts were available and every host is used.
  public let inPanic: Bool

  /// Filters `all` (in their given order) with the panic threshold applied.
  public init(
    _ all: [UpstreamHost], panicThresholdPercent: Int = 50, isEjected: (UpstreamHost) -> Bool
  ) {
    let available = all.filter { $0.healthy && !isEjected($0) }
    if Self.inPanic(available: available.count, all: all.count, panicThresholdPercent: panicThresholdPercent) {
      hosts = all
      inPanic = true
    } else {
      hosts = available
      inPanic = false
    }
  }

  /// Whether `available` usable hosts out of `all` are too few, so that every host is used.
  @inline(__always)
  public static func inPanic(available: Int, all: Int, panicThresholdPercent: Int = 50) -> Bool {
    all > 0 && available * 100 < panicThresholdPercent * all
  }
}
