extension SimDuration {
  /// Reads a duration as written in scenario files: a non-negative decimal number followed
  /// immediately by a unit, e.g. `"30s"`, `"250ms"`, `"1.5s"`, `"2m"`, `"100us"`, `"10ns"`,
  /// `"0s"`, `"1h"`.
  ///
  /// Units: `ns`, `us` (or `µs`), `ms`, `s`, `m` (minutes), `h`. The conversion is exact integer
  /// arithmetic: a value that is not a whole number of nanoseconds (`"0.5ns"`), a negative or
  /// signed number, a missing or unknown unit, whitespace, an empty text, or a value beyond
  /// `Int64.max` nanoseconds returns nil.
  public static func parse(_ text: String) -> SimDuration? {
    let utf8 = Substring(text).utf8
    guard let unitStart = utf8.firstIndex(where: { byte in
      !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) && byte != UInt8(ascii: ".")
    }) else {
      return nil  // no unit
    }
    let numberText = utf8[utf8.startIndex..<unitStart]
    let unitText = Substring(utf8[unitStart...])
    guard let unit = unitNanoseconds(unitText) else { return nil }
    guard let number = DecimalText.parseUnsigned(numberText) else { return nil }
    return exactNanoseconds(number, unit: UInt64(unit)).map { SimDuration(nanoseconds: $0) }
  }

  private static func unitNanoseconds(_ unit: Substring) -> Int64? {
    switch unit {
    case "ns": return 1
    case "us", "µs", "μs": return nanosecondsPerMicrosecond
    case "ms": return nanosecondsPerMillisecond
    case "s": return nanosecondsPerSecond
    case "m": return nanosecondsPerMinute
    case "h": return nanosecondsPerHour
    default: return nil
    }
  }

  /// `number × unit` in nanoseconds, or nil when inexact or beyond `Int64.max`.
  private static func exactNanoseconds(_ number: DecimalText.Parsed, unit: UInt64) -> Int64? {
    let (wholePart, wholeOverflow) = number.whole.multipliedReportingOverflow(by: unit)
    if wholeOverflow { return nil }
    var fractionPart: UInt64 = 0
    if number.fractionDigits > 0 {
      // fraction / 10^digits × unit must be a whole number of nanoseconds.
      guard let scale = DecimalText.powerOfTen(number.fractionDigits) else { return nil }
      let common = DecimalText.greatestCommonDivisor(unit, scale)
      let reducedScale = scale / common
      guard number.fraction % reducedScale == 0 else { return nil }
      let (product, overflow) = (number.fraction / reducedScale)
        .multipliedReportingOverflow(by: unit / common)
      if overflow { return nil }
      fractionPart = product
    }
    let (total, carry) = wholePart.addingReportingOverflow(fractionPart)
    guard !carry, total <= UInt64(Int64.max) else { return nil }
    return Int64(total)
  }
}
