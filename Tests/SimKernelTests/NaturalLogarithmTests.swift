#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import SimKernel
import Testing

@Suite("NaturalLogarithm")
struct NaturalLogarithmTests {
  @Test("exact anchors")
  func anchors() {
    #expect(NaturalLogarithm.of(1) == 0)
    #expect(NaturalLogarithm.of(0.5) == -0.6931471805599453)
    #expect(NaturalLogarithm.of(2) == 0.6931471805599453)
  }

  @Test("agrees with the C library to within two units in the last place")
  func matchesLibm() {
    var random = RandomSource(seed: 31)
    for _ in 0..<20_000 {
      // The inputs exponential(mean:) uses: (2^53 - k) / 2^53, spread over all magnitudes.
      let k = random.next() >> (11 + random.nextInt(below: 53))
      let x = Double(((1 as UInt64) << 53) - k) * 0x1p-53
      let ours = NaturalLogarithm.of(x)
      let reference = log(x)
      #expect(abs(ours - reference) <= 2 * reference.ulp, "x = \(x)")
    }
    for x in [1e-300, 1e-10, 0.1, 0.3, 0.7071, 0.99999999, 3.0, 10, 1e10, 1e300] {
      let reference = log(x)
      #expect(abs(NaturalLogarithm.of(x) - reference) <= 2 * reference.ulp, "x = \(x)")
    }
  }
}

@Suite("NaturalLogarithm bit decomposition")
struct NaturalLogarithmDecompositionTests {
  /// The logarithm as first written, with `exponent` and `significand`: the reference the
  /// bit-level decomposition must reproduce exactly.
  static func reference(_ x: Double) -> Double {
    var exponent = Double(x.exponent)
    var mantissa = x.significand
    if mantissa > 1.4142135623730951 {
      mantissa *= 0.5
      exponent += 1
    }
    let s = (mantissa - 1) / (mantissa + 1)
    let s2 = s * s
    var series = 1.0 / 23.0
    for divisor in stride(from: 21.0, through: 3.0, by: -2.0) { series = series * s2 + 1.0 / divisor }
    let logMantissa = 2 * s + 2 * s * (s2 * series)
    return exponent * 6.93147180369123816490e-01 + (exponent * 1.90821492927058770002e-10 + logMantissa)
  }

  @Test("identical doubles to the exponent/significand form, normal and subnormal")
  func identical() {
    var random = RandomSource(seed: 77)
    var inputs: [Double] = [1, 0.5, 2, .leastNormalMagnitude, .leastNonzeroMagnitude, 1e-310, .greatestFiniteMagnitude,
                            1.4142135623730951, 1.4142135623730951.nextUp, 0.7071067811865476,
                            // Either side of √2's significand, which `ofNormal` compares as integer bits.
                            1.4142135623730951.nextDown, 2.8284271247461903, 2.8284271247461903.nextUp,
                            0.7071067811865476.nextUp, 0.7071067811865476.nextDown]
    for _ in 0..<4_000 {
      let k = random.next() >> (11 + random.nextInt(below: 53))
      inputs.append(Double(((1 as UInt64) << 53) - k) * 0x1p-53)
      inputs.append(Double(bitPattern: random.next() & 0x7FFF_FFFF_FFFF_FFFF))
    }
    for x in inputs where x > 0 && x.isFinite {
      #expect(NaturalLogarithm.of(x).bitPattern == Self.reference(x).bitPattern, "x = \(x)")
    }
  }
}

@Suite("NaturalLogarithm on the unit interval")
struct NaturalLogarithmUnitIntervalTests {
  @Test("ofNormal agrees with the C library to within two units in the last place on the inputs exponential(mean:) uses")
  func matchesLibmOnExponentialInputs() {
    var random = RandomSource(seed: 91)
    // The ends and the square-root-of-a-half boundary, then (2^53 - k) / 2^53 over all magnitudes.
    var inputs: [Double] = [1, 0.5, 0x1p-53, 1 - 0x1p-53, 0.7071067811865476, 0.7071067811865476.nextDown,
                            0.7071067811865476.nextUp]
    for _ in 0..<20_000 {
      let k = random.next() >> (11 + random.nextInt(below: 53))
      inputs.append(Double(((1 as UInt64) << 53) - k) * 0x1p-53)
    }
    for x in inputs {
      let reference = log(x)
      #expect(abs(NaturalLogarithm.ofNormal(x) - reference) <= 2 * reference.ulp, "x = \(x)")
    }
  }
}
