import SimKernel
import Testing

@Suite("RandomSource")
struct RandomSourceTests {
  @Test("SplitMix64 matches the reference implementation")
  func splitMixVector() {
    var generator = SplitMix64(seed: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in generator.next() } == expected)
  }

  @Test("xoshiro256** matches the reference implementation")
  func xoshiroVector() {
    var generator = RandomSource(state: (1, 2, 3, 4))
    let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
    #expect((0..<4).map { _ in generator.next() } == expected)
  }

  @Test("seeding expands the seed with SplitMix64")
  func seeding() {
    var generator = RandomSource(seed: 42)
    let expected: [UInt64] = [
      1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
    ]
    #expect((0..<3).map { _ in generator.next() } == expected)
  }

  @Test("the same seed gives the same draws; another seed does not")
  func determinism() {
    var first = RandomSource(seed: 2024)
    var second = RandomSource(seed: 2024)
    var other = RandomSource(seed: 2025)
    let a = (0..<100).map { _ in first.next() }
    let b = (0..<100).map { _ in second.next() }
    let c = (0..<100).map { _ in other.next() }
    #expect(a == b)
    #expect(a != c)
  }

  @Test("a stream's draws do not depend on other streams")
  func streamIndependence() {
    var alone = RandomSource(seed: 7, stream: "frontend")
    let aloneDraws = (0..<50).map { _ in alone.next() }

    var neighbours = [
      RandomSource(seed: 7, stream: "backend"),
      RandomSource(seed: 7, stream: "frontend"),
      RandomSource(seed: 7, stream: "database"),
    ]
    var interleaved: [UInt64] = []
    for _ in 0..<50 {
      _ = neighbours[0].next()
      interleaved.append(neighbours[1].next())
      _ = neighbours[2].next()
    }
    #expect(interleaved == aloneDraws)

    var backend = RandomSource(seed: 7, stream: "backend")
    var plain = RandomSource(seed: 7)
    var otherSeed = RandomSource(seed: 8, stream: "frontend")
    #expect((0..<50).map { _ in backend.next() } != aloneDraws)
    #expect((0..<50).map { _ in plain.next() } != aloneDraws)
    #expect((0..<50).map { _ in otherSeed.next() } != aloneDraws)
  }

  @Test("distinct stream names get distinct stream seeds")
  func distinctStreamSeeds() {
    let names = (0..<2_000).map { "service-\($0)" }
    let seeds = Set(names.map { RandomSource.streamSeed(seed: 1, stream: $0) })
    #expect(seeds.count == names.count)
  }

  @Test("nextInt(below:) stays in range and reaches every value", arguments: [
    1, 2, 3, 7, 10, 1_000,
  ] as [UInt64])
  func nextIntBelow(bound: UInt64) {
    var random = RandomSource(seed: bound)
    var seen = Set<UInt64>()
    for _ in 0..<(Int(bound) * 40 + 100) {
      let value = random.nextInt(below: bound)
      #expect(value < bound)
      seen.insert(value)
    }
    #expect(seen.count == Int(bound))
  }

  @Test("nextInt(below:) is unbiased for a bound near 2^64")
  func nextIntLargeBound() {
    var random = RandomSource(seed: 3)
    let bound = UInt64.max / 3 * 2  // a naive modulo would favour the lower half
    var lowerHalf = 0
    for _ in 0..<20_000 where random.nextInt(below: bound) < bound / 2 { lowerHalf += 1 }
    #expect((9_500...10_500).contains(lowerHalf), "\(lowerHalf)")
  }

  @Test("nextInt(in:) covers closed ranges including the extremes")
  func nextIntInRange() {
    var random = RandomSource(seed: 11)
    var seen = Set<Int>()
    for _ in 0..<500 {
      let value = random.nextInt(in: -3...3)
      #expect((-3...3).contains(value))
      seen.insert(value)
    }
    #expect(seen == Set(-3...3))
    #expect(random.nextInt(in: 5...5) == 5)
    var signs = Set<Bool>()
    for _ in 0..<100 { signs.insert(random.nextInt(in: Int.min...Int.max) < 0) }
    #expect(signs == [true, false])
    for _ in 0..<100 { #expect(random.nextInt(in: (Int.max - 1)...Int.max) >= Int.max - 1) }
  }

  @Test("chance follows the ratio exactly at 0 and 1 and closely in between")
  func chance() {
    var random = RandomSource(seed: 5)
    for _ in 0..<1_000 {
      let never = random.chance(.zero)
      let always = random.chance(.one)
      #expect(!never)
      #expect(always)
    }
    var hits = 0
    for _ in 0..<100_000 where random.chance(Ratio(1, 4)) { hits += 1 }
    #expect((24_000...26_000).contains(hits), "\(hits)")
  }

  @Test("uniformUnit is in [0, 1)")
  func uniformUnit() {
    var random = RandomSource(seed: 13)
    var total = 0.0
    for _ in 0..<10_000 {
      let value = random.uniformUnit()
      #expect(value >= 0 && value < 1)
      total += value
    }
    #expect(abs(total / 10_000 - 0.5) < 0.02)
  }

  @Test("exponential is non-negative, whole nanoseconds, with the requested mean")
  func exponential() {
    var random = RandomSource(seed: 17)
    let mean = SimDuration.milliseconds(2)
    var total: Int64 = 0
    var aboveMean = 0
    let samples = 50_000
    for _ in 0..<samples {
      let value = random.exponential(mean: mean)
      #expect(value >= .zero)
      total += value.nanoseconds
      if value > mean { aboveMean += 1 }
    }
    let sampleMean = Double(total) / Double(samples)
    #expect(abs(sampleMean - 2_000_000) < 40_000, "\(sampleMean)")
    // P(X > mean) = e^-1 ≈ 0.3679.
    #expect((17_900...18_900).contains(aboveMean), "\(aboveMean)")
    #expect(random.exponential(mean: .zero) == .zero)
  }

  @Test("exponential uses -ln(1 - U) × mean on the same draw")
  func exponentialTransform() {
    var forExponential = RandomSource(seed: 23)
    var forUniform = RandomSource(seed: 23)
    for _ in 0..<1_000 {
      let value = forExponential.exponential(mean: .seconds(1))
      let uniform = forUniform.uniformUnit()
      let expected = (-NaturalLogarithm.of(1 - uniform) * 1e9).rounded()
      #expect(abs(Double(value.nanoseconds) - expected) <= 1)
    }
  }

  /// `exponential(mean:)` as it was before it worked out the next draw's logarithm ahead: the
  /// reference the draws must match bit for bit.
  static func exponentialWithoutLookahead(bits: UInt64, mean: SimDuration) -> SimDuration {
    let complement = Double(((1 as UInt64) << 53) - (bits &>> 11)) * 0x1p-53
    let scaled = -NaturalLogarithm.of(complement) * Double(mean.nanoseconds)
    guard scaled > 0 else { return .zero }
    guard scaled < 0x1p63 else { return SimDuration(nanoseconds: .max) }
    let whole = Int64(scaled)
    return SimDuration(nanoseconds: scaled - Double(whole) >= 0.5 ? whole &+ 1 : whole)
  }

  @Test(
    "exponential draws are the same with the logarithm worked out ahead, whatever other draws come between",
    arguments: [
      // Which draws to make, in a repeating pattern: e = exponential, n = next(), i = nextInt,
      // c = chance (e after e uses the value ahead; anything else discards it).
      "e", "en", "eei", "ec", "neee", "eeeen",
    ])
  func exponentialLookahead(pattern: String) {
    var random = RandomSource(seed: 99, stream: "lookahead \(pattern)")
    var reference = RandomSource(seed: 99, stream: "lookahead \(pattern)")
    let means: [SimDuration] = [.milliseconds(2), .zero, .seconds(1), .nanoseconds(1), .microseconds(250)]
    for step in 0..<600 {
      let kind = Array(pattern)[step % pattern.count]
      switch kind {
      case "e":
        let mean = means[step % means.count]
        #expect(random.exponential(mean: mean) == Self.exponentialWithoutLookahead(bits: reference.next(), mean: mean))
      case "n":
        #expect(random.next() == reference.next())
      case "i":
        #expect(random.nextInt(below: 1_000) == reference.nextInt(below: 1_000))
      default:
        #expect(random.chance(Ratio(1, 3)) == reference.chance(Ratio(1, 3)))
      }
    }
    // The streams stand at the same place afterwards.
    #expect(random.next() == reference.next())
  }
}
