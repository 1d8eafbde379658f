/// An exact probability or fraction between 0 and 1, as two integers (TigerBeetle `Ratio`).
///
/// Weights, fault rates and sampling chances are integers so that every decision is exact and
/// reproducible; `RandomSource.chance(_:)` draws against a `Ratio` without floating point.
/// Equality and hashing compare values, so `Ratio(1, 2) == Ratio(50, 100)`.
public struct Ratio: Hashable, Sendable, CustomStringConvertible {
  /// The number of favourable outcomes out of `denominator`.
  public let numerator: UInt64
  /// The number of outcomes; always positive.
  public let denominator: UInt64

  /// `numerator / denominator`; requires `denominator > 0` and `numerator <= denominator`.
  @inlinable
  public init(_ numerator: UInt64, _ denominator: UInt64) {
    precondition(denominator > 0, "a ratio needs a positive denominator")
    precondition(numerator <= denominator, "a ratio cannot exceed 1")
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Never.
  public static let zero = Ratio(0, 1)
  /// Always.
  public static let one = Ratio(1, 1)

  /// Whether the ratio is exactly 0.
  @inlinable
  public var isZero: Bool { numerator == 0 }

  /// Whether the ratio is exactly 1.
  @inlinable
  public var isOne: Bool { numerator == denominator }

  /// The same value in lowest terms.
  public var reduced: Ratio {
    let common = DecimalText.greatestCommonDivisor(numerator, denominator)
    return Ratio(numerator / common, denominator / common)
  }

  public static func == (lhs: Ratio, rhs: Ratio) -> Bool {
    lhs.numerator.multipliedFullWidth(by: rhs.denominator)
      == rhs.numerator.multipliedFullWidth(by: lhs.denominator)
  }

  public func hash(into hasher: inout Hasher) {
    let lowest = reduced
    hasher.combine(lowest.numerator)
    hasher.combine(lowest.denominator)
  }

  /// `"numerator/denominator"` as stored, e.g. `"25/100"`.
  public var description: String {
    "\(numerator)/\(denominator)"
  }

  /// Reads a ratio as written in scenario files: a fraction `"1/10"`, a decimal `"0.25"`, a
  /// percentage `"25%"` or `"12.5%"`, or `"0"` / `"1"`.
  ///
  /// Decimals are exact: `"0.25"` is `25/100` and `"12.5%"` is `125/1000` (trailing fraction
  /// zeros are dropped). Returns nil for values above 1, negative or signed numbers, a zero
  /// denominator, whitespace, an empty text, or anything malformed.
  public static func parse(_ text: String) -> Ratio? {
    let utf8 = Substring(text).utf8
    if let slash = utf8.firstIndex(of: UInt8(ascii: "/")) {
      guard let numerator = DecimalText.parseDigits(utf8[utf8.startIndex..<slash]),
        let denominator = DecimalText.parseDigits(utf8[utf8.index(after: slash)...]),
        denominator > 0, numerator <= denominator
      else { return nil }
      return Ratio(numerator, denominator)
    }
    var numberText = utf8[...]
    var extraDigits = 0
    if utf8.last == UInt8(ascii: "%") {
      numberText = utf8[utf8.startIndex..<utf8.index(before: utf8.endIndex)]
      extraDigits = 2
    }
    guard let number = DecimalText.parseUnsigned(numberText),
      let scale = DecimalText.powerOfTen(number.fractionDigits),
      let denominator = DecimalText.powerOfTen(number.fractionDigits + extraDigits)
    else { return nil }
    let (wholeScaled, overflow) = number.whole.multipliedReportingOverflow(by: scale)
    guard !overflow else { return nil }
    let (numerator, carry) = wholeScaled.addingReportingOverflow(number.fraction)
    guard !carry, numerator <= denominator else { return nil }
    return Ratio(numerator, denominator)
  }
}
