import ScenarioFormat

/// Reads one attribute value (always a string in the API) as an integer, Boolean or choice,
/// reporting `model.invalid-attribute` when it is none.
struct AttributeValueParser {
  let attribute: ELBAttributesSpec.Attribute
  let builder: LoadBalancingBuilder

  func integer(_ range: ClosedRange<Int>) -> Int? {
    if let value = Int(attribute.value), range.contains(value) { return value }
    report("an integer from \(range.lowerBound) to \(range.upperBound)")
    return nil
  }

  func boolean() -> Bool? {
    switch attribute.value {
    case "true": return true
    case "false": return false
    default:
      report("\"true\" or \"false\"")
      return nil
    }
  }

  func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> Value?
  where Value.RawValue == String {
    if let value = Value(rawValue: attribute.value) { return value }
    report(Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
    return nil
  }

  private func report(_ expected: String) {
    builder.error(
      "model.invalid-attribute",
      "invalid value '\(attribute.value)' for attribute '\(attribute.key)'",
      at: builder.field(attribute.source, "Value"), hint: "expected \(expected)")
  }
}
