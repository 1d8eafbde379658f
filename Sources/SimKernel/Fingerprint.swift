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
  ///
  /// A zero byte only multiplies the state by the FNV prime, so runs of zero bytes in the words
  /// the kernel combines most (times, sequence numbers, tagged indices) are folded into one
  /// multiplication by a power of the prime: the same digest in fewer dependent steps.
  @inlinable
  public mutating func combine(_ word: UInt64) {
    let prime = Fingerprint.prime
    var hash = state
    if word >> 40 == 0 {
      // Times and sequence numbers: five low bytes, then three zero bytes.
      hash = (hash ^ (word & 0xff)) &* prime
      hash = (hash ^ (word >> 8 & 0xff)) &* prime
      hash = (hash ^ (word >> 16 & 0xff)) &* prime
      hash = (hash ^ (word >> 24 & 0xff)) &* prime
      hash = (hash ^ (word >> 32)) &* prime
      state = hash &* Fingerprint.primePower(3)
      return
    }
    if word & 0x00ff_ffff_0000_0000 == 0 {
      // Tagged small values (`kind << 56 | index`): four low bytes, three zero bytes, the tag.
      hash = (hash ^ (word & 0xff)) &* prime
      hash = (hash ^ (word >> 8 & 0xff)) &* prime
      hash = (hash ^ (word >> 16 & 0xff)) &* prime
      hash = (hash ^ (word >> 24 & 0xff)) &* prime
      hash = hash &* Fingerprint.primePower(3)
      state = (hash ^ (word >> 56)) &* prime
      return
    }
    var rest = word
    var remaining = 8
    while rest != 0 {
      hash = (hash ^ (rest & 0xff)) &* prime
      rest &>>= 8
      remaining &-= 1
    }
    state = hash &* Fingerprint.primePower(remaining)
  }

  /// The 64-bit FNV prime.
  @usableFromInline static var prime: UInt64 { 0x0000_0100_0000_01b3 }

  /// The FNV prime to the power `exponent` (0...8), modulo 2^64.
  @inlinable
  static func primePower(_ exponent: Int) -> UInt64 {
    switch exponent {
    case 0: return 1
    case 1: return 0x0000_0100_0000_01b3
    case 2: return 0x0003_6600_0002_e329
    case 3: return 0x08a9_7b00_04e7_feab
    case 4: return 0x9ffa_ac08_5635_bc91
    case 5: return 0x0cae_e32a_7d4f_6a63
    case 6: return 0xdc96_6432_edf1_c639
    case 7: return 0xc552_7b8a_51d3_d2db
    default: return 0x1efa_c709_0aef_4a21
    }
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
