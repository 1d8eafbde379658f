/// A JSON number kept exactly as written.
///
/// Scenario numbers are ports, weights, counts and percentages; keeping the text means an
/// integer is never silently rounded through `Double`, and diagnostics quote the number the
/// user wrote. Two numbers are equal when their text is equal (`1.0` and `1` differ).
public struct JSONNumber: Hashable, Sendable {
  /// The number's text as it appears in the document, for example `-12`, `0.5` or `1e3`.
  public let text: String

  /// Creates a number from its JSON text, which the reader has already validated.
  public init(text: String) {
    self.text = text
  }

  /// Creates a number from an integer.
  public init(_ value: Int64) {
    self.text = String(value)
  }

  /// Whether the text is a plain integer: an optional `-` and digits, no fraction or exponent.
  public var isInteger: Bool {
    var digits = text.utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    return !digits.isEmpty
      && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// The value as a 64-bit integer, only for plain integers that fit.
  public var int64Value: Int64? {
    isInteger ? Int64(text) : nil
  }

  /// The value as the nearest `Double`: infinite when too large, `nan` if the text is not a number.
  public var doubleValue: Double {
    Double(text) ?? .nan
  }
}

extension JSONNumber: CustomStringConvertible {
  /// The number's text.
  public var description: String { text }
}
