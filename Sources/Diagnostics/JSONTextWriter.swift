/// A minimal pretty JSON writer (2-space indent) for diagnostics; keys are written in the order
/// given, which callers keep sorted.
struct JSONTextWriter {
  private(set) var text = ""
  private var depth = 0

  /// Writes `[ … ]` with one element per line, or `[]` when empty.
  mutating func array<Element>(
    _ elements: [Element], _ body: (inout JSONTextWriter, Element) -> Void
  ) {
    guard !elements.isEmpty else {
      text += "[]"
      return
    }
    text += "["
    depth += 1
    for (index, element) in elements.enumerated() {
      text += (index == 0 ? "\n" : ",\n") + indentation
      body(&self, element)
    }
    depth -= 1
    text += "\n" + indentation + "]"
  }

  /// Writes `{ … }` with the fields the body adds.
  mutating func object(_ body: (inout Fields) -> Void) {
    var fields = Fields(writer: self)
    fields.writer.text += "{"
    fields.writer.depth += 1
    body(&fields)
    fields.writer.depth -= 1
    fields.writer.text += fields.count == 0 ? "}" : "\n" + fields.writer.indentation + "}"
    self = fields.writer
  }

  private var indentation: String { String(repeating: "  ", count: depth) }

  /// The members of an object being written.
  struct Fields {
    var writer: JSONTextWriter
    var count = 0

    /// Writes a member whose value the body writes.
    mutating func raw(_ key: String, _ body: (inout JSONTextWriter) -> Void) {
      writer.text += (count == 0 ? "\n" : ",\n") + writer.indentation
      writer.text += JSONTextWriter.quoted(key) + ": "
      count += 1
      body(&writer)
    }

    /// Writes a string member, or `null`.
    mutating func string(_ key: String, _ value: String?) {
      raw(key) { $0.text += value.map(JSONTextWriter.quoted) ?? "null" }
    }

    /// Writes an integer member, or `null`.
    mutating func integer(_ key: String, _ value: Int?) {
      raw(key) { $0.text += value.map(String.init) ?? "null" }
    }
  }

  /// `value` as a JSON string literal; control characters become `\u00XX` escapes.
  static func quoted(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}", "\u{2029}": result += "\\u\(String(scalar.value, radix: 16))"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
