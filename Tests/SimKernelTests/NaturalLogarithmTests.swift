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
