/// Exact decimal text for integer quantities with a power-of-ten-free unit, without `Double`.
///
/// Shared by `SimDuration` (formatting and parsing) and `Ratio` (parsing) so that every
/// number a user writes or reads is converted with integer arithmetic only.
enum DecimalText {
  /// `value / unit` as the shortest exact decimal: `format(3_100_000, unit: 1_000_000)` is
  /// `"3.1"`. `unit` must be positive. The decimal is exact when `unit` divides a power of ten
  /// or `value` (callers use powers of ten, and minutes or hours only for whole multiples);
  /// otherwise it is truncated after 18 fraction digits.
  static func format(_ value: Int64, unit: Int64) -> String {
    precondition(unit > 0, "unit must be positive")
    let magnitude = value.magnitude
    let unitMagnitude = UInt64(unit)
    let whole = magnitude / unitMagnitude
    var remainder = magnitude % unitMagnitude
    var text = value < 0 ? "-" : ""
    text += String(whole)
    if remainder == 0 { return text }
    var digits: [UInt8] = []
    // Long division; stops when exact (always for power-of-ten units) or after 18 digits.
    while remainder != 0 && digits.count < 18 {
      let (high, low) = remainder.multipliedFullWidth(by: 10)
      let (digit, rest) = unitMagnitude.dividingFullWidth((high, low))
      digits.append(UInt8(truncatingIfNeeded: digit) + UInt8(ascii: "0"))
      remainder = rest
    }
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    text += "."
    text += String(decoding: digits, as: UTF8.self)
    return text
  }

  /// A non-negative decimal number split into its digits: `"12.50"` has `whole == 12`,
  /// `fraction == 5`, `fractionDigits == 1` (trailing zeros of the fraction are dropped).
  struct Parsed: Equatable {
    var whole: UInt64
    var fraction: UInt64
    var fractionDigits: Int
  }

  /// Parses `digits ('.' digits)?` exactly. Returns nil for an empty text, a leading or
  /// trailing dot, any other character, or more digits than fit in `UInt64`.
  static func parseUnsigned(_ text: Substring.UTF8View) -> Parsed? {
    var whole: UInt64 = 0
    var fraction: UInt64 = 0
    var fractionDigits = 0
    var wholeDigitCount = 0
    var pendingZeros = 0
    var seenDot = false
    for byte in text {
      if byte == UInt8(ascii: ".") {
        if seenDot || wholeDigitCount == 0 { return nil }
        seenDot = true
        continue
      }
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      let digit = UInt64(byte - UInt8(ascii: "0"))
      if !seenDot {
        guard let next = appendDigit(digit, to: whole) else { return nil }
        whole = next
        wholeDigitCount += 1
      } else if digit == 0 {
        pendingZeros += 1
      } else {
        // Flush the zeros seen since the last non-zero digit, then this digit.
        for _ in 0..<pendingZeros {
          guard let next = appendDigit(0, to: fraction) else { return nil }
          fraction = next
        }
        guard let next = appendDigit(digit, to: fraction) else { return nil }
        fraction = next
        fractionDigits += pendingZeros + 1
        pendingZeros = 0
      }
    }
    if wholeDigitCount == 0 { return nil }
    if seenDot && fractionDigits == 0 && pendingZeros == 0 { return nil }  // "5."
    return Parsed(whole: whole, fraction: fraction, fractionDigits: fractionDigits)
  }

  /// Parses a plain run of decimal digits into a `UInt64`; nil when empty, not digits, or
  /// too large.
  static func parseDigits(_ text: Substring.UTF8View) -> UInt64? {
    if text.isEmpty { return nil }
    var value: UInt64 = 0
    for byte in text {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      guard let next = appendDigit(UInt64(byte - UInt8(ascii: "0")), to: value) else {
        return nil
      }
      value = next
    }
    return value
  }

  /// `10^exponent`, or nil when it does not fit in `UInt64` (exponent > 19).
  static func powerOfTen(_ exponent: Int) -> UInt64? {
    guard exponent >= 0 && exponent <= 19 else { return nil }
    var result: UInt64 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// Greatest common divisor (Euclid); `gcd(0, 0) == 0`.
  static func greatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  private static func appendDigit(_ digit: UInt64, to value: UInt64) -> UInt64? {
    let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
    if overflow { return nil }
    let (sum, carry) = shifted.addingReportingOverflow(digit)
    return carry ? nil : sum
  }
}
