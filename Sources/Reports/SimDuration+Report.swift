import SimKernel

extension SimDuration {
  /// Milliseconds rounded to the microsecond, the precision reports print ("3.125").
  public var reportMilliseconds: String {
    SimDuration(nanoseconds: (nanoseconds + (nanoseconds >= 0 ? 500 : -500)) / 1000 * 1000).millisecondsDecimal
  }
}
