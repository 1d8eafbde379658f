/// A JSON value built by the program, written deterministically: for reports and
/// `check --format json`.
///
/// The contract requires byte-identical reports for the same scenario and seed, so object keys
/// are written sorted by their UTF-8 bytes (never in `Dictionary` order), numbers are written
/// from text the caller formatted, and strings are escaped the same way every time.
public indirect enum JSONOutput: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int64)
  /// A number written exactly as this text, which must be a valid JSON number (see
  /// `decimal(_:fractionDigits:)`).
  case number(String)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONOutput])
  /// An object; written with its keys sorted by UTF-8 bytes.
  case object([String: JSONOutput])

  /// The JSON text, without a final newline.
  ///
  /// - Parameter pretty: Whether to put each member and element on its own line, indented by
  ///   two spaces per level, with `": "` after keys; otherwise no whitespace at all.
  public func rendered(pretty: Bool = true) -> String {
    var text = ""
    write(to: &text, pretty: pretty, depth: 0)
    return text
  }

  private func write(to text: inout String, pretty: Bool, depth: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .int(let value): text += String(value)
    case .number(let value): text += value
    case .string(let value): Self.writeString(value, to: &text)
    case .array(let elements):
      writeContainer(
        elements, open: "[", close: "]", to: &text, pretty: pretty, depth: depth
      ) { element, text in
        element.write(to: &text, pretty: pretty, depth: depth + 1)
      }
    case .object(let members):
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      writeContainer(
        keys, open: "{", close: "}", to: &text, pretty: pretty, depth: depth
      ) { key, text in
        Self.writeString(key, to: &text)
        text += pretty ? ": " : ":"
        members[key]?.write(to: &text, pretty: pretty, depth: depth + 1)
      }
    }
  }

  private func writeContainer<Item>(
    _ items: [Item], open: String, close: String, to text: inout String, pretty: Bool,
    depth: Int, writeItem: (Item, inout String) -> Void
  ) {
    text += open
    guard !items.isEmpty else {
      text += close
      return
    }
    let indentation = pretty ? String(repeating: "  ", count: depth + 1) : ""
    for (position, item) in items.enumerated() {
      if position > 0 { text += "," }
      if pretty { text += "\n" + indentation }
      writeItem(item, &text)
    }
    if pretty { text += "\n" + String(repeating: "  ", count: depth) }
    text += close
  }

  /// Writes `value` as a JSON string literal.
  ///
  /// `"` and `\` are escaped, line feed, carriage return and tab use their short escapes, other
  /// control characters (and DEL, U+2028, U+2029, which break embedding in HTML/JavaScript)
  /// are written as `\u00XX`-style escapes with lower-case hex digits.
  static func writeString(_ value: String, to text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
        let digits = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
