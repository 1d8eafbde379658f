/// Hashes that are the same in every process, on every machine, in every Swift version.
///
/// Swift's `hashValue` is seeded per process, so it must never decide anything a run
/// produces. These are 64-bit FNV-1a (Fowler–Noll–Vo) hashes, used to derive random streams
/// from stable names and to build run fingerprints.
public enum StableHash {
  /// The FNV-1a 64-bit offset basis.
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  /// The FNV-1a 64-bit prime.
  public static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// FNV-1a 64 of the text's UTF-8 bytes.
  public static func fnv1a64(_ text: String) -> UInt64 {
    fnv1a64(bytes: text.utf8)
  }

  /// FNV-1a 64 of `bytes`.
  public static func fnv1a64(bytes: some Sequence<UInt8>) -> UInt64 {
    var hash = offsetBasis
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* prime
    }
    return hash
  }
}
