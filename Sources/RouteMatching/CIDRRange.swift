/// An IPv4 address block in CIDR notation, such as `10.0.0.0/16`.
///
/// Used by the ALB `source-ip` condition, which compares the immediate peer's address (never
/// `X-Forwarded-For`). Host bits in the text are cleared (`10.0.0.7/16` is `10.0.0.0/16`).
/// IPv6 blocks are not modelled.
public struct CIDRRange: Sendable, Hashable, CustomStringConvertible {
  /// The network address with host bits cleared.
  public let network: UInt32
  /// Number of leading network bits, 0–32.
  public let prefixLength: Int

  /// Parses `a.b.c.d/n`; `nil` when malformed (missing `/n`, octet over 255, leading zeros,
  /// prefix over 32).
  public init?(_ text: String) {
    guard let slash = text.firstIndex(of: "/"),
      let address = Self.address(String(text[..<slash]))
    else { return nil }
    let lengthText = text[text.index(after: slash)...]
    guard !lengthText.isEmpty, lengthText.count <= 2,
      lengthText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let length = Int(lengthText), length <= 32,
      lengthText.count == 1 || lengthText.first != "0"
    else { return nil }
    self.init(network: address, prefixLength: length)
  }

  /// The block of `prefixLength` bits containing `network` (host bits are cleared).
  ///
  /// - Precondition: `prefixLength` is 0–32.
  public init(network: UInt32, prefixLength: Int) {
    precondition((0...32).contains(prefixLength), "CIDR prefix length out of range")
    self.prefixLength = prefixLength
    self.network = network & Self.mask(prefixLength)
  }

  /// Whether `address` lies in the block.
  @inline(__always)
  public func contains(_ address: UInt32) -> Bool {
    address & Self.mask(prefixLength) == network
  }

  /// Whether every address of `other` lies in this block.
  public func contains(_ other: CIDRRange) -> Bool {
    other.prefixLength >= prefixLength && contains(other.network)
  }

  /// `10.0.0.0/16`.
  public var description: String {
    Self.format(network) + "/" + String(prefixLength)
  }

  /// Parses a dotted-quad IPv4 address such as `10.0.1.5`; `nil` when malformed.
  public static func address(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return nil }
    var value: UInt32 = 0
    for octet in octets {
      guard !octet.isEmpty, octet.count <= 3,
        octet.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        octet.count == 1 || octet.first != "0",
        let number = UInt32(octet), number <= 255
      else { return nil }
      value = value << 8 | number
    }
    return value
  }

  /// Formats an IPv4 address as a dotted quad.
  public static func format(_ address: UInt32) -> String {
    [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xFF) }.joined(separator: ".")
  }

  @inline(__always)
  private static func mask(_ prefixLength: Int) -> UInt32 {
    prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength)
  }
}
