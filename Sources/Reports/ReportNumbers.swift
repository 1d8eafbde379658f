import SimKernel

/// Number formatting for reports with integer arithmetic only, so every platform and locale
/// writes the same characters.
public enum ReportNumbers {
  /// A duration in milliseconds with up to `digits` decimals, trailing zeros dropped (`10.08`).
  public static func milliseconds(_ duration: SimDuration, digits: Int = 2) -> String {
    decimal(duration.nanoseconds, scaleDigits: 6, digits: digits)
  }

  /// A time since the start in seconds with up to `digits` decimals (`30`, `12.5`).
  public static func seconds(_ time: SimTime, digits: Int = 3) -> String {
    decimal(time.nanoseconds, scaleDigits: 9, digits: digits)
  }

  /// `count / total` as a percentage with one decimal (`33.3%`), `-` when `total` is zero.
  public static func percent(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "-" }
    let tenths = (count * 1000 + total / 2) / total
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// `value / 10^scaleDigits`, rounded half away from zero to `digits` decimals.
  static func decimal(_ value: Int64, scaleDigits: Int, digits: Int) -> String {
    let keep = max(0, min(digits, scaleDigits))
    var divisor: Int64 = 1
    for _ in 0..<(scaleDigits - keep) { divisor *= 10 }
    let negative = value < 0
    let magnitude = value.magnitude
    let rounded = (magnitude + UInt64(divisor / 2)) / UInt64(divisor)
    var unit: UInt64 = 1
    for _ in 0..<keep { unit *= 10 }
    let whole = rounded / unit
    var fraction = keep > 0 ? String(rounded % unit) : ""
    if keep > 0 {
      fraction = String(repeating: "0", count: keep - fraction.count) + fraction
      while fraction.last == "0" { fraction.removeLast() }
    }
    let sign = negative && rounded > 0 ? "-" : ""
    return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
  }
}
