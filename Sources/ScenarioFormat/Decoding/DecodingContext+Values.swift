import Diagnostics

/// Typed reads of single values, for array elements and for `ObjectReader`'s keyed reads.
///
/// Each read returns `nil` after reporting a `schema.*` diagnostic at the value when it has the
/// wrong type or is out of range. `what` names the value in messages, quoted by the caller:
/// "'port'", "element 2 of 'hosts'", "virtual node".
extension DecodingContext {
  /// The string, or `nil` after reporting `schema.type-mismatch`.
  public func string(_ node: JSONNode, what: String) -> String? {
    guard case .string(let value) = node.value else {
      reportTypeMismatch(expected: "string", for: what, found: node)
      return nil
    }
    return value
  }

  /// The Boolean, or `nil` after reporting `schema.type-mismatch`.
  public func bool(_ node: JSONNode, what: String) -> Bool? {
    guard case .bool(let value) = node.value else {
      reportTypeMismatch(expected: "boolean", for: what, found: node)
      return nil
    }
    return value
  }

  /// The integer, or `nil` after reporting a problem.
  ///
  /// Only plain integers are accepted (`8080`, not `8080.0` or `8.08e3`), as AWS's integer
  /// fields do. A value outside `range`, or too large for `Int`, is `schema.value-out-of-range`:
  /// "value 70000 for 'port' is out of range 1...65535".
  public func int(_ node: JSONNode, what: String, range: ClosedRange<Int>? = nil) -> Int? {
    guard case .number(let number) = node.value else {
      reportTypeMismatch(expected: "integer", for: what, found: node)
      return nil
    }
    guard number.isInteger else {
      error(
        .schemaTypeMismatch, "expected integer for \(what), found number \(number.text)",
        at: node)
      return nil
    }
    guard let value = number.int64Value.flatMap({ Int(exactly: $0) }),
      range?.contains(value) ?? true
    else {
      let limits = range.map { "out of range \($0.lowerBound)...\($0.upperBound)" }
      error(
        .schemaValueOutOfRange,
        "value \(number.text) for \(what) is \(limits ?? "too large for an integer")", at: node)
      return nil
    }
    return value
  }

  /// The number as a `Double`, or `nil` after reporting a problem; integers are accepted.
  ///
  /// A number too large for a `Double` (`1e999`) is `schema.value-out-of-range`.
  public func double(_ node: JSONNode, what: String) -> Double? {
    guard case .number(let number) = node.value else {
      reportTypeMismatch(expected: "number", for: what, found: node)
      return nil
    }
    let value = number.doubleValue
    guard value.isFinite else {
      error(
        .schemaValueOutOfRange, "value \(number.text) for \(what) is too large for a number",
        at: node)
      return nil
    }
    return value
  }

  /// The elements, or `nil` after reporting `schema.type-mismatch`.
  public func array(_ node: JSONNode, what: String) -> [JSONNode]? {
    guard case .array(let elements) = node.value else {
      reportTypeMismatch(expected: "array", for: what, found: node)
      return nil
    }
    return elements
  }

  /// The strings of an array of strings, or `nil` after reporting every element that is not a
  /// string ("expected string for element 2 of 'hosts', found number").
  public func stringArray(_ node: JSONNode, what: String) -> [String]? {
    guard let elements = array(node, what: what) else { return nil }
    var strings: [String] = []
    var valid = true
    for (position, element) in elements.enumerated() {
      if let string = string(element, what: "element \(position) of \(what)") {
        strings.append(string)
      } else {
        valid = false
      }
    }
    return valid ? strings : nil
  }

  /// A reader for the object, or `nil` after reporting `schema.type-mismatch`.
  public func object(_ node: JSONNode, what: String) -> ObjectReader? {
    ObjectReader(node, context: self, what: what)
  }

  /// The enumeration case whose raw value is the string, or `nil` after reporting a problem.
  ///
  /// An unknown string is `schema.invalid-value` listing the allowed values in declaration
  /// order, with a "did you mean …?" note when one is close.
  public func enumValue<Value: RawRepresentable & CaseIterable>(
    _ node: JSONNode, _ type: Value.Type, what: String
  ) -> Value? where Value.RawValue == String {
    guard let text = string(node, what: what) else { return nil }
    if let value = Value(rawValue: text) { return value }
    let allowed = Value.allCases.map(\.rawValue)
    var notes: [Diagnostic.Note] = []
    if let suggestion = Suggestions.closest(to: text, in: allowed) {
      notes.append(Diagnostic.Note(message: "did you mean '\(suggestion)'?"))
    }
    error(
      .schemaInvalidValue,
      "invalid value '\(text)' for \(what); expected one of \(allowed.joined(separator: ", "))",
      at: node, notes: notes)
    return nil
  }
}
