/// A running digest of everything a simulation did, in order (OMNeT++ fingerprints).
///
/// Two runs of the same scenario with the same seed must end with the same fingerprint; a
/// different value means some event ran at a different time or in a different order. It is
/// 64-bit FNV-1a over the little-endian bytes of every combined word.
public struct Fingerprint: Hashable, Sendable {
  @usableFromInline var state: UInt64

  /// A fingerprint of nothing (the FNV-1a offset basis).
  @inlinable
  public init() {
    state = 0xcbf2_9ce4_8422_2325
  }

  /// Mixes in the eight little-endian bytes of `word`.
  @inlinable
  public mutating func combine(_ word: UInt64) {
    var hash = state
    var rest = word
    for _ in 0..<8 {
      hash = (hash ^ (rest & 0xff)) &* 0x0000_0100_0000_01b3
      rest &>>= 8
    }
    state = hash
  }

  /// Mixes in the UTF-8 bytes of `text` followed by its byte count as a word, so that
  /// `"ab", "c"` and `"a", "bc"` give different fingerprints.
  public mutating func combine(_ text: String) {
    var hash = state
    var length: UInt64 = 0
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      length += 1
    }
    state = hash
    combine(length)
  }

  /// The digest so far.
  @inlinable
  public var value: UInt64 { state }

  /// The digest as 16 lowercase hexadecimal digits, e.g. `"cbf29ce484222325"`.
  public var hexDigest: String {
    let digits = String(state, radix: 16, uppercase: false)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
