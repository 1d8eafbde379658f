/// An IPv4 address as a 32-bit integer, printed in dotted-quad form.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var value: UInt32

  public init(_ value: UInt32) { self.value = value }

  /// Parses `"10.0.1.4"`; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var value: UInt32 = 0
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
        let octet = UInt32(part), octet <= 255
      else { return nil }
      value = value << 8 | octet
    }
    self.value = value
  }

  public var description: String {
    "\(value >> 24).\(value >> 16 & 255).\(value >> 8 & 255).\(value & 255)"
  }

  public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }

  /// Whether this is a private (RFC 1918) or link-local address, which the internet cannot reach.
  public var isPrivate: Bool {
    value >> 24 == 10 || value >> 20 == 0xAC1 || value >> 16 == 0xC0A8 || value >> 16 == 0xA9FE
  }
}
