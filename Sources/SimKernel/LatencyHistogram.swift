/// A latency distribution in bounded memory with ≤ 0.1% relative error (HdrHistogram style).
///
/// Values are non-negative nanoseconds. Bucket layout (log-linear, 1024 sub-buckets per power
/// of two):
/// - octave 0 holds `0..<1024` and octave 1 holds `1024..<2048`, one bucket per nanosecond;
/// - octave `k ≥ 1` holds `[2^(k+9), 2^(k+10))` in 1024 buckets of width `2^(k-1)`.
/// A bucket is at most 1/1024 of its lowest value wide, so any value is known to within
/// 0.098%. There are at most 54 octaves (8 KiB each), allocated on first use, so memory does
/// not grow with the number of samples. `count`, `sum`, `min` and `max` are exact.
///
/// The allocated octaves lie in one flat array, in octave order, each as its total followed by
/// its 1024 buckets; a bit mask says which octaves are allocated, so an octave's place is the
/// number of allocated octaves below it. Recording a sample touches one array.
///
/// Histograms merge by adding counts, so merging in any order gives identical results.
public struct LatencyHistogram: Sendable, Equatable {
  /// log2 of the sub-buckets per octave.
  @usableFromInline static var subBucketBits: Int { 10 }
  /// Sub-buckets per octave.
  @usableFromInline static var subBucketCount: Int { 1 << subBucketBits }
  /// Words per allocated octave in `storage`: its total, then its buckets.
  @usableFromInline static var octaveStride: Int { subBucketCount + 1 }

  /// Bit `k` is set when octave `k` has storage.
  @usableFromInline var allocatedOctaves: UInt64
  /// The allocated octaves in increasing order, `octaveStride` words each: the octave's total
  /// samples (to find a rank without scanning every bucket), then its buckets' counts.
  @usableFromInline var storage: ContiguousArray<Int>
  @usableFromInline var sampleCount: Int
  @usableFromInline var sampleSum: Int64
  @usableFromInline var smallest: Int64
  @usableFromInline var largest: Int64
  /// Each octave's place among the allocated octaves (its offset in `storage` is that times
  /// `octaveStride`), or `unallocated`. Recording a sample reads its octave's place here: one
  /// load, where working it out from `allocatedOctaves` needs a population count (in software
  /// on baseline x86-64), and where remembering only the last octave took a branch that
  /// samples spread over a few octaves mispredict often (done for latency).
  @usableFromInline var octavePlaces: InlineArray<64, UInt8>
  /// `octavePlaces` of an octave without storage.
  @usableFromInline static var unallocated: UInt8 { .max }

  /// An empty histogram.
  public init() {
    allocatedOctaves = 0
    storage = []
    sampleCount = 0
    sampleSum = 0
    smallest = .max
    largest = 0
    octavePlaces = InlineArray(repeating: LatencyHistogram.unallocated)
  }

  /// The number of recorded samples.
  @inlinable
  public var count: Int { sampleCount }

  /// The sum of all samples in nanoseconds (saturating at `Int64.max`).
  @inlinable
  public var sum: Int64 { sampleSum }

  /// Whether nothing has been recorded.
  @inlinable
  public var isEmpty: Bool { sampleCount == 0 }

  /// The smallest sample, exactly; `.zero` when empty.
  @inlinable
  public var min: SimDuration { SimDuration(nanoseconds: sampleCount == 0 ? 0 : smallest) }

  /// The largest sample, exactly; `.zero` when empty.
  @inlinable
  public var max: SimDuration { SimDuration(nanoseconds: largest) }

  /// The arithmetic mean rounded to the nearest nanosecond (halves up); `.zero` when empty.
  public var mean: SimDuration {
    guard sampleCount > 0 else { return .zero }
    let count = Int64(sampleCount)
    let quotient = sampleSum / count
    let remainder = sampleSum % count
    return SimDuration(nanoseconds: quotient + (remainder >= count - remainder ? 1 : 0))
  }

  /// Adds one sample; a negative value counts as zero.
  ///
  /// - Complexity: O(1); allocates 8 KiB the first time a value lands in a new octave
  ///
  /// Always inlined: it runs once per completed request, and a call costs a third of it.
  @inlinable @inline(__always)
  public mutating func record(_ value: SimDuration) {
    let nanoseconds = Swift.max(value.nanoseconds, 0)
    let (octave, subBucket) = LatencyHistogram.bucket(of: nanoseconds)
    let place = octavePlaces[octave]
    let base = place != LatencyHistogram.unallocated
      ? Int(place) &* LatencyHistogram.octaveStride : storageOffset(allocating: octave)
    storage.withUnsafeMutableBufferPointer { words in
      words[base] &+= 1
      words[base &+ 1 &+ subBucket] &+= 1
    }
    sampleCount += 1
    let (total, overflow) = sampleSum.addingReportingOverflow(nanoseconds)
    sampleSum = overflow ? .max : total
    if nanoseconds < smallest { smallest = nanoseconds }
    if nanoseconds > largest { largest = nanoseconds }
  }

  /// Adds every sample of `other`.
  ///
  /// - Complexity: O(number of octaves in use × 1024)
  public mutating func merge(_ other: LatencyHistogram) {
    guard other.sampleCount > 0 else { return }
    for octave in other.octaveIndices {
      let target = storageOffset(allocating: octave)
      let source = other.storageOffset(of: octave)!
      for index in 0..<LatencyHistogram.octaveStride { storage[target + index] &+= other.storage[source + index] }
    }
    sampleCount += other.sampleCount
    let (total, overflow) = sampleSum.addingReportingOverflow(other.sampleSum)
    sampleSum = overflow ? .max : total
    smallest = Swift.min(smallest, other.smallest)
    largest = Swift.max(largest, other.largest)
  }

  /// The number of samples recorded in the bucket containing `value`.
  public func bucketCount(containing value: SimDuration) -> Int {
    let (octave, subBucket) = LatencyHistogram.bucket(of: Swift.max(value.nanoseconds, 0))
    guard let base = storageOffset(of: octave) else { return 0 }
    return storage[base + 1 + subBucket]
  }

  /// How many octaves have storage (for tests of the memory bound).
  public var allocatedOctaveCount: Int { allocatedOctaves.nonzeroBitCount }

  /// The allocated octaves, in increasing order.
  var octaveIndices: [Int] { (0..<64).filter { allocatedOctaves & (1 << UInt64($0)) != 0 } }

  public static func == (lhs: LatencyHistogram, rhs: LatencyHistogram) -> Bool {
    guard lhs.sampleCount == rhs.sampleCount, lhs.sampleSum == rhs.sampleSum,
      lhs.min == rhs.min, lhs.max == rhs.max
    else { return false }
    for octave in 0..<64 {
      let left = lhs.storageOffset(of: octave)
      let right = rhs.storageOffset(of: octave)
      switch (left, right) {
      case (nil, nil):
        continue
      case (let left?, let right?):
        if lhs.storage[left..<left + octaveStride] != rhs.storage[right..<right + octaveStride] { return false }
      case (let only?, nil):
        // Allocated octaves always hold samples, but compare by value to be safe.
        if lhs.storage[only..<only + octaveStride].contains(where: { $0 != 0 }) { return false }
      case (nil, let only?):
        if rhs.storage[only..<only + octaveStride].contains(where: { $0 != 0 }) { return false }
      }
    }
    return true
  }

  /// The octave and sub-bucket of a non-negative value.
  @inlinable
  static func bucket(of value: Int64) -> (octave: Int, subBucket: Int) {
    if value < subBucketCount { return (0, Int(value)) }
    let topBit = 63 - value.leadingZeroBitCount  // ≥ subBucketBits
    let shift = topBit - subBucketBits
    return (shift + 1, Int(value &>> Int64(shift)) - subBucketCount)
  }

  /// The lowest value in a bucket and the bucket's width.
  @inlinable
  static func range(octave: Int, subBucket: Int) -> (lowest: Int64, width: Int64) {
    if octave == 0 { return (Int64(subBucket), 1) }
    let shift = Int64(octave - 1)
    return (Int64(subBucketCount + subBucket) &<< shift, 1 &<< shift)
  }

  /// Where octave `octave` starts in `storage`, nil when it has no storage.
  @inlinable
  func storageOffset(of octave: Int) -> Int? {
    let bit: UInt64 = 1 &<< UInt64(octave)
    guard allocatedOctaves & bit != 0 else { return nil }
    return (allocatedOctaves & (bit &- 1)).nonzeroBitCount &* LatencyHistogram.octaveStride
  }

  /// Where octave `octave` starts in `storage`, giving it zeroed storage first if it has none.
  @inlinable
  mutating func storageOffset(allocating octave: Int) -> Int {
    let bit: UInt64 = 1 &<< UInt64(octave)
    let offset = (allocatedOctaves & (bit &- 1)).nonzeroBitCount &* LatencyHistogram.octaveStride
    if allocatedOctaves & bit == 0 {
      storage.insert(contentsOf: repeatElement(0, count: LatencyHistogram.octaveStride), at: offset)
      allocatedOctaves |= bit
      // This octave takes its place and the ones above move up by one.
      var place: UInt8 = 0
      for index in 0..<64 where allocatedOctaves & (1 &<< UInt64(index)) != 0 {
        octavePlaces[index] = place
        place += 1
      }
    }
    return offset
  }
}
