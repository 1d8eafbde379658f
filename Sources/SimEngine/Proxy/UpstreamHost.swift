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
  public var key: UInt64 { Self.key(address: address, port: port) }

  /// The key of the host at `address` and `port`.
  public static func key(address: UInt32, port: Int) -> UInt64 {
    UInt64(address) << 16 | UInt64(port)
  }

  /// `10.0.1.5:80`.
  public var endpointText: String { "\(IPv4Address(address)):\(port)" }
}
