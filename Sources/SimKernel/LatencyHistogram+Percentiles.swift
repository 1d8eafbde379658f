extension LatencyHistogram {
  /// The value at rank `ceil(count × perMille / 1000)` (at least 1): `percentile(perMille:
  /// 990)` is p99. `perMille` must be in `0...1000`.
  ///
  /// See `percentile(numerator:denominator:)` for accuracy.
  public func percentile(perMille: Int) -> SimDuration {
    percentile(numerator: perMille, denominator: 1000)
  }

  /// The value at rank `ceil(count × numerator / denominator)` (at least 1) in sorted order:
  /// `percentile(numerator: 999, denominator: 1000)` is p99.9.
  ///
  /// Within 0.05% of the exact sample at that rank: the result is the middle of the bucket
  /// holding that sample, clamped to `min...max`. So it is exact when all samples are equal,
  /// never above `max` nor below `min`, and the lowest and highest ranks return `min` and
  /// `max` exactly. Returns `.zero` when empty. Requires `0 <= numerator <= denominator` and
  /// `denominator > 0`.
  ///
  /// - Complexity: O(number of octaves + 1024)
  public func percentile(numerator: Int, denominator: Int) -> SimDuration {
    precondition(denominator > 0, "a percentile needs a positive denominator")
    precondition(
      numerator >= 0 && numerator <= denominator, "a percentile must be between 0 and 1")
    guard sampleCount > 0 else { return .zero }
    let rank = LatencyHistogram.rank(
      count: sampleCount, numerator: numerator, denominator: denominator)
    if rank <= 1 { return min }
    if rank >= sampleCount { return max }
    var seen = 0
    for octave in octaveIndices {
      let base = storageOffset(of: octave)!
      let octaveTotal = storage[base]
      if seen + octaveTotal < rank {
        seen += octaveTotal
        continue
      }
      for subBucket in 0..<LatencyHistogram.subBucketCount {
        seen += storage[base + 1 + subBucket]
        if seen >= rank {
          let (lowest, width) = LatencyHistogram.range(octave: octave, subBucket: subBucket)
          let middle = lowest + width / 2
          return SimDuration(nanoseconds: Swift.min(Swift.max(middle, smallest), largest))
        }
      }
    }
    return max  // unreachable: the octave totals add up to count
  }

  /// `ceil(count × numerator / denominator)`, computed without overflow, at least 1.
  static func rank(count: Int, numerator: Int, denominator: Int) -> Int {
    let product = UInt64(count).multipliedFullWidth(by: UInt64(numerator))
    let (quotient, remainder) = UInt64(denominator).dividingFullWidth(product)
    return Swift.max(1, Int(quotient) + (remainder > 0 ? 1 : 0))
  }
}
