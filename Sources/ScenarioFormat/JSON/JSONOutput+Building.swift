/// Literal syntax and number formatting for building reports.
extension JSONOutput: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  /// `null`.
  public init(nilLiteral: ()) { self = .null }
  /// A Boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// An integer.
  public init(integerLiteral value: Int64) { self = .int(value) }
  /// A string.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An array.
  public init(arrayLiteral elements: JSONOutput...) { self = .array(elements) }

  /// An object; for a repeated key the last value wins.
  public init(dictionaryLiteral elements: (String, JSONOutput)...) {
    var members: [String: JSONOutput] = [:]
    for (key, value) in elements { members[key] = value }
    self = .object(members)
  }

  /// A number rounded half away from zero to `fractionDigits` decimals, written without an
  /// exponent and with exactly that many digits after the point (`decimal(3.14159, 2)` is
  /// `3.14`, `decimal(4, 1)` is `4.0`); `null` when the value is not finite or too large.
  ///
  /// Uses integer arithmetic after one multiplication, so the text is the same on every
  /// platform.
  public static func decimal(_ value: Double, fractionDigits: Int) -> JSONOutput {
    let digits = max(0, min(fractionDigits, 15))
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = value * scale
    guard scaled.isFinite, scaled.magnitude < 9.0e18 else { return .null }
    // Int64(_:) truncates toward zero; round half away from zero without libm.
    var units = Int64(scaled)
    let remainder = scaled - Double(units)
    if remainder >= 0.5 { units += 1 } else if remainder <= -0.5 { units -= 1 }
    let magnitude = String(units.magnitude)
    let sign = units < 0 ? "-" : ""
    guard digits > 0 else { return .number(sign + magnitude) }
    let padded = String(repeating: "0", count: max(0, digits + 1 - magnitude.count)) + magnitude
    let split = padded.index(padded.endIndex, offsetBy: -digits)
    return .number(sign + padded[..<split] + "." + padded[split...])
  }

  /// A copy of a value read from a scenario: integers become `.int`, other numbers keep their
  /// text, and objects lose their member order (which `rendered` replaces by sorted keys).
  public init(_ node: JSONNode) {
    switch node.value {
    case .null: self = .null
    case .bool(let value): self = .bool(value)
    case .number(let number):
      self = number.int64Value.map(JSONOutput.int) ?? .number(number.text)
    case .string(let value): self = .string(value)
    case .array(let elements): self = .array(elements.map(JSONOutput.init))
    case .object(let object):
      var members: [String: JSONOutput] = [:]
      for member in object.members where members[member.key] == nil {
        members[member.key] = JSONOutput(member.value)
      }
      self = .object(members)
    }
  }
}
