import Diagnostics

/// A JSON value together with where it was written: its source location and JSON pointer.
///
/// The location is the value's first character (the `{` of an object, the opening quote of a
/// string), which is where diagnostics about the value point.
public struct JSONNode: Sendable {
  /// The value.
  public var value: JSONValue
  /// Where the value starts in the source file.
  public var location: SourceLocation
  /// Where the value sits in the document.
  public var path: JSONPath

  /// Creates a node.
  public init(value: JSONValue, location: SourceLocation, path: JSONPath) {
    self.value = value
    self.location = location
    self.path = path
  }

  /// The string, when the value is a string.
  public var stringValue: String? {
    if case .string(let string) = value { string } else { nil }
  }

  /// The number, when the value is a number.
  public var numberValue: JSONNumber? {
    if case .number(let number) = value { number } else { nil }
  }

  /// The Boolean, when the value is `true` or `false`.
  public var boolValue: Bool? {
    if case .bool(let bool) = value { bool } else { nil }
  }

  /// The elements, when the value is an array.
  public var arrayValue: [JSONNode]? {
    if case .array(let elements) = value { elements } else { nil }
  }

  /// The object, when the value is an object.
  public var objectValue: JSONObject? {
    if case .object(let object) = value { object } else { nil }
  }

  /// Whether the value is `null`.
  public var isNull: Bool {
    if case .null = value { true } else { false }
  }
}
