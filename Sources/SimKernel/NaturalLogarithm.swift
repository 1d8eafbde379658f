/// The natural logarithm in plain Swift arithmetic, identical on every platform.
///
/// The platform's `log` may differ in the last bit between libm versions and CPU feature
/// paths, which would let the same seed produce different service times on different
/// machines. This version uses only IEEE-754 basic operations (no fused multiply-add), so its
/// result is the same everywhere; it is accurate to a few units in the last place.
public enum NaturalLogarithm {
  /// `ln(2)` split into a high part with trailing zero bits and a small correction.
  @usableFromInline static let ln2High: Double = 6.93147180369123816490e-01
  @usableFromInline static let ln2Low: Double = 1.90821492927058770002e-10

  /// `ln(x)` for a positive finite `x`. Traps otherwise.
  public static func of(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "logarithm of a non-positive or non-finite value")
    // Write x = m × 2^e with m in [sqrt(1/2), sqrt(2)). For a normal x (every input of
    // `RandomSource.exponential`) e and m come straight from the bits; `exponent` and
    // `significand` give the same values but are out-of-line calls that also handle subnormals.
    if (x.bitPattern &>> 52) & 0x7FF != 0 { return ofNormal(x) }
    return of(mantissa: x.significand, exponent: Double(x.exponent))  // subnormal
  }

  /// `ln(x)` for a positive, finite, normal `x` (such as the `1 − U` in `[2^-53, 1]` of
  /// `RandomSource.exponential`), without checking it: `of(_:)` uses it for every normal input.
  ///
  /// It reduces `x` in integer arithmetic, with no branch: for random inputs whether the
  /// mantissa is above √2 is a coin flip, and a branch on it (how x86-64 selects between two
  /// doubles) was mispredicted often (done for latency). The reduced values are those of
  /// `of(mantissa:exponent:)`: halving a mantissa in `[1, 2)` only lowers its exponent bits.
  @inlinable @inline(__always)
  public static func ofNormal(_ x: Double) -> Double {
    let bits = x.bitPattern
    let significand = bits & 0x000F_FFFF_FFFF_FFFF
    // `1.significand` is above √2 exactly when its significand bits are above √2's.
    let above: UInt64 = significand > 0x6_A09E_667F_3BCD ? 1 : 0
    let exponent = Double(Int(bitPattern: UInt((bits &>> 52) & 0x7FF) &+ UInt(above)) &- 1023)
    let mantissa = Double(bitPattern: significand | (0x3FF0_0000_0000_0000 &- (above &<< 52)))
    return of(reducedMantissa: mantissa, exponent: exponent)
  }

  /// `ln(mantissa × 2^exponent)` for `mantissa` in `[1, 2)`.
  @inlinable @inline(__always)
  static func of(mantissa: Double, exponent: Double) -> Double {
    var mantissa = mantissa
    var exponent = exponent
    if mantissa > 1.4142135623730951 {
      mantissa *= 0.5
      exponent += 1
    }
    return of(reducedMantissa: mantissa, exponent: exponent)
  }

  /// `ln(mantissa × 2^exponent)` for `mantissa` in `[sqrt(1/2), sqrt(2)]`.
  @inlinable @inline(__always)
  static func of(reducedMantissa mantissa: Double, exponent: Double) -> Double {
    // ln(m) = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| < 0.1716.
    let s = (mantissa - 1) / (mantissa + 1)
    let s2 = s * s
    var series = 1.0 / 23.0
    series = series * s2 + 1.0 / 21.0
    series = series * s2 + 1.0 / 19.0
    series = series * s2 + 1.0 / 17.0
    series = series * s2 + 1.0 / 15.0
    series = series * s2 + 1.0 / 13.0
    series = series * s2 + 1.0 / 11.0
    series = series * s2 + 1.0 / 9.0
    series = series * s2 + 1.0 / 7.0
    series = series * s2 + 1.0 / 5.0
    series = series * s2 + 1.0 / 3.0
    let logMantissa = 2 * s + 2 * s * (s2 * series)
    return exponent * ln2High + (exponent * ln2Low + logMantissa)
  }
}
