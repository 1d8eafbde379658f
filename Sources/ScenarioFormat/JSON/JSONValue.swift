/// A JSON value as read from a scenario file, whose nested values keep their source positions.
///
/// Arrays and objects hold `JSONNode`s rather than bare values so every nested value can be
/// reported at its own line and column.
public indirect enum JSONValue: Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, kept as written.
  case number(JSONNumber)
  /// A string, escapes resolved.
  case string(String)
  /// An array of values in document order.
  case array([JSONNode])
  /// An object with its members in document order.
  case object(JSONObject)

  /// The kind of value as diagnostics name it: `object`, `array`, `string`, `number`,
  /// `boolean` or `null`.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
