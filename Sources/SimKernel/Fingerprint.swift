/// A running digest of everything a simulation did, in order (OMNeT++ fingerprints).
///
/// Two runs of the same scenario with the same seed must end with the same fingerprint; a
/// different value means some event ran at a different time or in a different order. Each
/// combined word goes through one step on the whole word — xor into the state, multiply by an
/// odd constant with dense bits (2^64 / golden ratio), then an xor-shift that carries high
/// bits down (a multiplication only carries them up). Every step is a bijection of the state
/// for a given word, so changing any single word always changes the digest; the kernel mixes
/// three words per event, so the cost matters (the byte-wise FNV-1a it replaced took a fifth
/// of the kernel's time).
public struct Fingerprint: Hashable, Sendable {
  @usableFromInline var state: UInt64

  /// A fingerprint of nothing (the FNV-1a offset basis).
  @inlinable
  public init() {
    state = 0xcbf2_9ce4_8422_2325
  }

  /// Mixes in `word`.
  @inlinable
  public mutating func combine(_ word: UInt64) {
    let mixed = (state ^ word) &* Fingerprint.multiplier
    state = mixed ^ (mixed &>> 29)
  }

  /// The step's multiplier: odd, so multiplying is a bijection modulo 2^64.
  @usableFromInline static var multiplier: UInt64 { 0x9E37_79B9_7F4A_7C15 }

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
