import SimKernel

/// A counter that moves whenever anything a connection's outcome depends on changes: an ENI's
/// listeners, security groups, addresses or state, the address book, the security group rules.
///
/// `World.connect` remembers recent successful connections per source ENI (`ConnectionMemo`)
/// and reuses one only while the version is the one it was computed under, so a memo can never
/// outlive the network it describes. The properties involved bump it from `didSet`, so code
/// that changes the network does not have to remember to.
public final class NetworkVersion {
  /// The current version; starts at 1 (0 marks an empty memo).
  public private(set) var value: UInt64 = 1

  public init() {}

  /// Records that the network changed.
  @inline(__always)
  public func bump() { value &+= 1 }
}

/// One successful connection from an ENI, as `World.connect` computed it under `version`:
/// who answers `address:port`, which address it sees, and the one-way latencies.
struct ConnectionMemo {
  var version: UInt64 = 0
  var address: UInt32 = 0
  var port = 0
  var destination: Int32 = -1
  var listener: Int32 = -1
  var seenSource: UInt32 = 0
  var latency = SimDuration.zero

  /// Memo slots per ENI (a power of two; probed from a home slot hashed from address and port,
  /// see `World.connectionMemo(from:to:port:)`).
  static let slotCount = 8

  @inline(__always)
  static func slot(address: UInt32, port: Int) -> Int {
    Int(truncatingIfNeeded: (address &* 0x9E37_79B1) >> 29 ^ UInt32(truncatingIfNeeded: port)) & (slotCount - 1)
  }
}
