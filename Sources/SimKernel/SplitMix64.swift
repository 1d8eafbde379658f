/// Sebastiano Vigna's SplitMix64 generator: a 64-bit counter passed through a bijective mixer.
///
/// Used to expand one 64-bit seed into the 256-bit state of `RandomSource` and to derive
/// independent stream seeds, as the xoshiro authors recommend.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The counter; advances by the golden-ratio increment on every draw.
  public private(set) var state: UInt64

  /// Creates a generator whose first draw is `mix(seed &+ 0x9e3779b97f4a7c15)`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return SplitMix64.mix(state)
  }

  /// SplitMix64's output function: a bijection of `UInt64` with good avalanche.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z &>> 31)
  }
}
