/// An IPv4 CIDR block such as `10.0.0.0/16`.
public struct CIDRBlock: Hashable, Sendable, CustomStringConvertible {
  public var network: UInt32
  public var prefixLength: Int

  public init(network: UInt32, prefixLength: Int) {
    self.prefixLength = prefixLength
    self.network = network & CIDRBlock.mask(prefixLength)
  }

  /// Parses `"10.0.1.0/24"` (a bare address means /32). Host bits are cleared.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count <= 2, let address = IPv4Address(String(parts[0])) else { return nil }
    var length = 32
    if parts.count == 2 {
      guard let parsed = Int(parts[1]), (0...32).contains(parsed) else { return nil }
      length = parsed
    }
    self.init(network: address.value, prefixLength: length)
  }

  static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : UInt32.max << UInt32(32 - length) }

  public var mask: UInt32 { CIDRBlock.mask(prefixLength) }
  public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }
  public var first: IPv4Address { IPv4Address(network) }
  public var last: IPv4Address { IPv4Address(network | ~mask) }

  @inline(__always)
  public func contains(_ address: UInt32) -> Bool { address & mask == network }
  public func contains(_ address: IPv4Address) -> Bool { contains(address.value) }
  public func contains(_ other: CIDRBlock) -> Bool {
    other.prefixLength >= prefixLength && contains(other.network)
  }
  public func overlaps(_ other: CIDRBlock) -> Bool {
    contains(other.network) || other.contains(network)
  }

  public var description: String { "\(IPv4Address(network))/\(prefixLength)" }
}
