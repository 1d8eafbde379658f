import SimKernel
import Testing

@Suite("LatencyHistogram")
struct LatencyHistogramTests {
  @Test("an empty histogram reports zeros")
  func empty() {
    let histogram = LatencyHistogram()
    #expect(histogram.count == 0)
    #expect(histogram.sum == 0)
    #expect(histogram.min == .zero)
    #expect(histogram.max == .zero)
    #expect(histogram.mean == .zero)
    #expect(histogram.percentile(perMille: 990) == .zero)
  }

  @Test("percentiles are within 0.1% of the exact sorted-array value", arguments: [
    "uniform-small", "uniform-wide", "exponential", "bimodal", "tiny",
  ])
  func percentilesMatchSortedArray(distribution: String) {
    var random = RandomSource(seed: 1, stream: distribution)
    let values: [Int64] = (0..<20_000).map { _ in
      switch distribution {
      case "uniform-small": return Int64(random.nextInt(below: 5_000))
      case "uniform-wide": return Int64(random.nextInt(below: 1 << 40))
      case "exponential": return random.exponential(mean: .milliseconds(5)).nanoseconds
      case "bimodal":
        return random.chance(Ratio(9, 10))
          ? Int64(1_000_000 + random.nextInt(below: 10_000))
          : Int64(3_000_000_000 + random.nextInt(below: 1_000_000_000))
      default: return Int64(random.nextInt(below: 3))
      }
    }
    var histogram = LatencyHistogram()
    for value in values { histogram.record(.nanoseconds(value)) }
    let sorted = values.sorted()
    #expect(histogram.count == values.count)
    #expect(histogram.sum == values.reduce(0, +))
    #expect(histogram.min.nanoseconds == sorted.first)
    #expect(histogram.max.nanoseconds == sorted.last)
    for (numerator, denominator) in [
      (0, 1000), (1, 1000), (100, 1000), (250, 1000), (500, 1000), (750, 1000), (900, 1000),
      (950, 1000), (990, 1000), (999, 1000), (9_999, 10_000), (1000, 1000), (1, 3), (2, 3),
    ] {
      let rank = Swift.max(1, (values.count * numerator + denominator - 1) / denominator)
      let exact = sorted[rank - 1]
      let estimate = histogram.percentile(numerator: numerator, denominator: denominator)
      let error = abs(estimate.nanoseconds - exact)
      #expect(error * 1000 <= exact, "\(distribution) \(numerator)/\(denominator): \(estimate)")
      #expect(estimate.nanoseconds <= sorted.last!)
      if denominator == 1000 {
        #expect(histogram.percentile(perMille: numerator) == estimate)
      }
    }
  }

  @Test("all-equal samples give exact percentiles", arguments: [
    0, 1, 1_023, 1_024, 2_047, 2_048, 1_234_567, 5_000_000_001, Int64.max,
  ] as [Int64])
  func allEqual(value: Int64) {
    var histogram = LatencyHistogram()
    for _ in 0..<100 { histogram.record(.nanoseconds(value)) }
    for perMille in [0, 1, 500, 990, 999, 1000] {
      #expect(histogram.percentile(perMille: perMille).nanoseconds == value)
    }
    #expect(histogram.min.nanoseconds == value)
    #expect(histogram.max.nanoseconds == value)
  }

  @Test("values below 2048 ns are recorded exactly")
  func smallValuesExact() {
    var histogram = LatencyHistogram()
    for value in Int64(0)..<2_048 { histogram.record(.nanoseconds(value)) }
    for value in Int64(0)..<2_048 {
      #expect(histogram.bucketCount(containing: .nanoseconds(value)) == 1)
      // Rank value + 1 of 2048 samples 0...2047 is the sample `value`.
      let estimate = histogram.percentile(numerator: Int(value) + 1, denominator: 2_048)
      #expect(estimate.nanoseconds == value)
    }
  }

  @Test("negative values count as zero")
  func negativeClamped() {
    var histogram = LatencyHistogram()
    histogram.record(.nanoseconds(-5))
    histogram.record(.nanoseconds(10))
    #expect(histogram.min == .zero)
    #expect(histogram.sum == 10)
    #expect(histogram.percentile(perMille: 500) == .zero)
  }

  @Test("mean rounds to the nearest nanosecond")
  func mean() {
    var histogram = LatencyHistogram()
    for value in [1, 2] as [Int64] { histogram.record(.nanoseconds(value)) }
    #expect(histogram.mean == .nanoseconds(2))  // 1.5 rounds up
    histogram.record(.nanoseconds(2))
    #expect(histogram.mean == .nanoseconds(2))  // 1.67
    histogram.record(.nanoseconds(0))
    #expect(histogram.mean == .nanoseconds(1))  // 1.25
  }

  @Test("memory stays bounded however many samples are recorded")
  func boundedMemory() {
    var histogram = LatencyHistogram()
    var random = RandomSource(seed: 2)
    for _ in 0..<200_000 { histogram.record(.nanoseconds(Int64(random.nextInt(below: 1 << 20)))) }
    #expect(histogram.allocatedOctaveCount == 11)
    histogram.record(.nanoseconds(Int64.max))
    #expect(histogram.allocatedOctaveCount == 12)
    #expect(histogram.max.nanoseconds == Int64.max)
    #expect(histogram.percentile(perMille: 1000).nanoseconds == Int64.max)
  }

  @Test("merging in any order gives identical histograms")
  func mergeOrderIndependent() {
    var random = RandomSource(seed: 9)
    var parts: [LatencyHistogram] = []
    var combined = LatencyHistogram()
    for part in 0..<4 {
      var histogram = LatencyHistogram()
      for _ in 0..<(1_000 * (part + 1)) {
        let value = SimDuration(nanoseconds: Int64(random.nextInt(below: 1 << (10 * part + 8))))
        histogram.record(value)
        combined.record(value)
      }
      parts.append(histogram)
    }
    let orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]
    var results: [LatencyHistogram] = []
    for order in orders {
      var merged = LatencyHistogram()
      for index in order { merged.merge(parts[index]) }
      results.append(merged)
    }
    // A tree-shaped merge as well: (0+1) + (2+3).
    var left = parts[0]
    left.merge(parts[1])
    var right = parts[2]
    right.merge(parts[3])
    right.merge(left)
    results.append(right)
    for merged in results {
      #expect(merged == combined)
      for perMille in [0, 500, 900, 990, 999, 1000] {
        #expect(merged.percentile(perMille: perMille) == combined.percentile(perMille: perMille))
      }
      #expect(merged.mean == combined.mean)
    }
    var withEmpty = combined
    withEmpty.merge(LatencyHistogram())
    #expect(withEmpty == combined)
    #expect(combined != parts[0])
  }

  @Test("samples land in their buckets whatever order their octaves are first used in")
  func octavesAllocatedOutOfOrder() {
    // Octaves first used high, then low, then in between: each allocation moves the places
    // of the octaves above it, which recording reads from `octavePlaces`.
    let values: [Int64] = [40_000_000, 3_000, 900, 5_000_000, 70_000, 41_000_000, 3_100, 0, 1 << 40, 5_000_000, 950]
    var recorded = LatencyHistogram()
    for value in values { recorded.record(SimDuration(nanoseconds: value)) }
    var sorted = LatencyHistogram()
    for value in values.sorted() { sorted.record(SimDuration(nanoseconds: value)) }
    #expect(recorded == sorted)
    for value in values {
      // The values are at least a bucket apart unless equal.
      let expected = values.filter { $0 == value }.count
      #expect(recorded.bucketCount(containing: SimDuration(nanoseconds: value)) == expected)
    }
    var merged = LatencyHistogram()
    merged.record(SimDuration(nanoseconds: 1 << 30))
    var other = LatencyHistogram()
    for value in values { other.record(SimDuration(nanoseconds: value)) }
    merged.merge(other)
    merged.record(SimDuration(nanoseconds: 3_000))  // after the merge moved the places
    var direct = LatencyHistogram()
    for value in [1 << 30] + values + [3_000] { direct.record(SimDuration(nanoseconds: value)) }
    #expect(merged == direct)
    #expect(merged.bucketCount(containing: SimDuration(nanoseconds: 3_000)) == 2)
  }
}
