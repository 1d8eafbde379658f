/// The only source of randomness in a run: xoshiro256** seeded through SplitMix64.
///
/// Every random choice (arrivals, service times, weighted picks, fault chances) draws from a
/// `RandomSource` derived from the scenario seed, so the same seed replays the same run. Each
/// simulated component gets its own stream from `(seed, stable name)` (ns-3 `SetStream`), so
/// adding a component never changes the draws of another. Draws that decide behaviour use
/// integer arithmetic (`nextInt`, `chance`); `Double` appears only inside `exponential`, whose
/// result is rounded to whole nanoseconds, and in `uniformUnit`.
public struct RandomSource: RandomNumberGenerator, Sendable {
  @usableFromInline var state0: UInt64
  @usableFromInline var state1: UInt64
  @usableFromInline var state2: UInt64
  @usableFromInline var state3: UInt64
  /// `-ln(1 − U)` for the next draw, worked out ahead by `exponential(mean:)` while nothing
  /// waits on it; valid while `hasUnitAhead` (any other draw clears it).
  @usableFromInline var unitAhead: Double = 0
  @usableFromInline var hasUnitAhead = false

  /// The generator for `seed`: xoshiro256** whose state is the first four SplitMix64 outputs
  /// for `seed` (never all zero, because SplitMix64's outputs are distinct).
  public init(seed: UInt64) {
    var expander = SplitMix64(seed: seed)
    state0 = expander.next()
    state1 = expander.next()
    state2 = expander.next()
    state3 = expander.next()
  }

  /// The independent stream named `stream` under `seed`.
  ///
  /// The stream's seed depends only on `seed` and the FNV-1a hash of the name (see
  /// `streamSeed(seed:stream:)`), so creating, removing or drawing from other streams never
  /// changes this one's draws, and distinct names under one seed get distinct seeds.
  public init(seed: UInt64, stream: String) {
    self.init(seed: RandomSource.streamSeed(seed: seed, stream: stream))
  }

  /// Creates a generator with an explicit xoshiro256** state, which must not be all zero.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
    (state0, state1, state2, state3) = state
  }

  /// The seed of the stream named `stream` under `seed`:
  /// `SplitMix64.mix(firstSplitMix64Output(seed) ^ fnv1a64(stream))`. As the mixer is a
  /// bijection, different name hashes give different stream seeds.
  public static func streamSeed(seed: UInt64, stream: String) -> UInt64 {
    var expander = SplitMix64(seed: seed)
    return SplitMix64.mix(expander.next() ^ StableHash.fnv1a64(stream))
  }

  /// The next 64 random bits (xoshiro256**). Always inlined: a few shifts and xors, cheaper
  /// than a call.
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    hasUnitAhead = false
    let result = peek()
    let shifted = state1 &<< 17
    state2 ^= state0
    state3 ^= state1
    state1 ^= state2
    state0 ^= state3
    state2 ^= shifted
    state3 = rotateLeft(state3, by: 45)
    return result
  }

  /// A uniform integer in `0..<bound`, without modulo bias (Lemire's multiply-and-reject).
  /// `bound` must be positive. Always inlined (the common case is one draw and a multiply).
  @inlinable @inline(__always)
  public mutating func nextInt(below bound: UInt64) -> UInt64 {
    precondition(bound > 0, "nextInt(below:) needs a positive bound")
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: bound)
      }
    }
    return product.high
  }

  /// A uniform integer in `range`, without bias.
  @inlinable
  public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
    if span == .max {
      return Int(truncatingIfNeeded: next())
    }
    return range.lowerBound &+ Int(truncatingIfNeeded: nextInt(below: span &+ 1))
  }

  /// True with probability `ratio`, decided with integer arithmetic. Always consumes a draw,
  /// so changing a ratio does not shift later draws on this stream (except in the rare
  /// rejection step of `nextInt(below:)`).
  @inlinable
  public mutating func chance(_ ratio: Ratio) -> Bool {
    nextInt(below: ratio.denominator) < ratio.numerator
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  @inlinable
  public mutating func uniformUnit() -> Double {
    Double(next() &>> 11) * 0x1p-53
  }

  /// An exponentially distributed duration with the given mean, by inverse transform:
  /// `-ln(1 - U) × mean`, rounded to the nearest nanosecond. Never negative; a zero mean gives
  /// zero; saturates at `SimDuration.max`. `mean` must not be negative.
  ///
  /// The logarithm is `NaturalLogarithm.ofNormal(_:)` (the operations of
  /// `NaturalLogarithm.of(_:)`), written in plain Swift arithmetic, so the result does not
  /// depend on the platform's libm.
  ///
  /// The logarithm is a long chain of dependent floating-point operations (a division and an
  /// eleven-step polynomial), and the caller schedules an event with the result straight away.
  /// So each call also works out the *next* draw's `-ln(1 − U)` (`unitAhead`): the next 64 bits
  /// of xoshiro256** depend only on `state1`, so they can be read without moving the stream.
  /// That chain then runs while the caller goes on with work that does not need it, and the
  /// next call finds its logarithm ready. Draws are unchanged, value for value: the same bits
  /// go through the same operations, and any other draw (`next()`) discards the value ahead.
  ///
  /// Always inlined into its callers (the arrivals and the service times, once per request
  /// each): a call would add a tenth to it.
  @inlinable @inline(__always)
  public mutating func exponential(mean: SimDuration) -> SimDuration {
    precondition(mean.nanoseconds >= 0, "exponential(mean:) needs a non-negative mean")
    let unit = hasUnitAhead ? unitAhead : RandomSource.unitExponential(bits: peek())
    _ = next()
    unitAhead = RandomSource.unitExponential(bits: peek())
    hasUnitAhead = true
    let scaled = unit * Double(mean.nanoseconds)
    guard scaled > 0 else { return SimDuration(nanoseconds: 0) }
    guard scaled < 0x1p63 else { return SimDuration(nanoseconds: .max) }
    // Round half away from zero without libm: the fraction of a double below 2^63 is exact,
    // and `whole` is at most 2^63 − 1024, so adding one cannot overflow.
    // The fraction is at least a half for about every other draw: adding the comparison as a
    // number (a flag, not a branch) spares a branch that would be mispredicted that often (done
    // for latency).
    let whole = Int64(scaled)
    let roundsUp: Int64 = scaled - Double(whole) >= 0.5 ? 1 : 0
    return SimDuration(nanoseconds: whole &+ roundsUp)
  }

  /// The 64 bits the next `next()` will return, without drawing them (xoshiro256**'s output
  /// is a function of `state1` alone).
  @inlinable @inline(__always)
  func peek() -> UInt64 {
    rotateLeft(state1 &* 5, by: 7) &* 9
  }

  /// `-ln(1 − U)` for the uniform `U` in `[0, 1)` made of the top 53 of `bits`: an exponential
  /// draw of mean 1, before scaling (negating the logarithm is exact, so scaling this gives
  /// the same bits as negating the scaled logarithm).
  @inlinable @inline(__always)
  static func unitExponential(bits: UInt64) -> Double {
    // 1 - U, exactly, in (0, 1]: (2^53 - k) / 2^53 for k in 0..<2^53.
    let complement = Double(((1 as UInt64) << 53) - (bits &>> 11)) * 0x1p-53
    // `complement` is in [2^-53, 1]: the logarithm's checks for other values are left out.
    return -NaturalLogarithm.ofNormal(complement)
  }
}

@inlinable
func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
  (value &<< amount) | (value &>> (64 &- amount))
}
