/// A quantity measured once per replication (a share, a latency percentile), summarised as
/// its mean with a 95% confidence interval, plus the smallest and largest value seen.
///
/// The interval is Student's t: `mean ± t(0.975, n−1) · s / √n`, with `s` the sample standard
/// deviation, the usual interval for the mean of independent replications (Law, *Simulation
/// Modeling and Analysis*, §9.4.1). One replication has no interval (`halfWidth` nil). The
/// values are summed in replication (seed) order, so the same runs give the same numbers.
public struct SampleEstimate: Sendable, Equatable {
  public var mean: Double
  /// Half the width of the 95% confidence interval; nil with fewer than two values.
  public var halfWidth: Double?
  public var minimum: Double
  public var maximum: Double
  public var count: Int

  /// The estimate of `values` (at least one).
  public init(_ values: [Double]) {
    precondition(!values.isEmpty, "an estimate needs at least one value")
    count = values.count
    var sum = 0.0
    for value in values { sum += value }
    mean = sum / Double(values.count)
    minimum = values.min()!
    maximum = values.max()!
    if values.count < 2 {
      halfWidth = nil
    } else {
      var squares = 0.0
      for value in values { squares += (value - mean) * (value - mean) }
      let deviation = (squares / Double(values.count - 1)).squareRoot()
      halfWidth = SampleEstimate.studentT975(degreesOfFreedom: values.count - 1) * deviation
        / Double(values.count).squareRoot()
    }
  }

  /// The interval's ends (the mean twice when there is no interval).
  public var low: Double { mean - (halfWidth ?? 0) }
  public var high: Double { mean + (halfWidth ?? 0) }

  /// The 0.975 quantile of Student's t distribution (two-sided 95%), from the standard table;
  /// between table rows the smaller degrees of freedom is used, which widens the interval.
  public static func studentT975(degreesOfFreedom df: Int) -> Double {
    precondition(df >= 1, "Student's t needs at least one degree of freedom")
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
    if df <= table.count { return table[df - 1] }
    if df < 40 { return 2.042 }
    if df < 60 { return 2.021 }
    if df < 120 { return 2.000 }
    return 1.980
  }
}
