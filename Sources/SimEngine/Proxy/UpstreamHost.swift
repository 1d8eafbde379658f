import NetworkModel

/// A host a proxy may send a request to: an address and port, its health as service discovery
/// reports it, and the task behind it (for traces and reports).
public struct UpstreamHost: Sendable, Equatable {
  public var address: UInt32
  public var port: Int
  public var healthy: Bool
  /// Index in `World.tasks`, or -1 when the host is not an ECS task.
  public var task: Int32

  public init(address: UInt32, port: Int, healthy: Bool, task: Int32) {
    self.address = address
    self.port = port
    self.healthy = healthy
    self.task = task
  }

  /// A stable key for per-host state (outlier detection): address and port.
  public var key: UInt64 { UInt64(address) << 16 | UInt64(port) }

  /// `10.0.1.5:80`.
  public var endpointText: String { "\(IPv4Address(address)):\(port)" }
}

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
    if !all.isEmpty && available.count * 100 < panicThresholdPercent * all.count {
      hosts = all
      inPanic = true
    } else {
      hosts = available
      inPanic = false
    }
  }
}
