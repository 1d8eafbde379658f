/// Escaping for Mermaid text. Mermaid decodes `#name;` and `#number;` entity codes before it
/// parses, so characters that would end a label or a statement (`"`, `#`, `;`), start HTML
/// (`<`, `>`, `&`) or a Markdown string (a backquote) are written as entity codes, and line
/// breaks become spaces.
public enum MermaidEscaping {
  /// Text inside a quoted node label (`n0["…"]`).
  public static func label(_ raw: String) -> String {
    escape(raw, limit: nil)
  }

  /// Free text ending a statement: a message, a note, a participant alias. Cut at `limit`
  /// characters with an ellipsis.
  public static func text(_ raw: String, limit: Int? = nil) -> String {
    escape(raw, limit: limit)
  }

  /// Text for a Markdown heading: line breaks become spaces, and characters Markdown would
  /// read as markup are backslash-escaped.
  public static func markdown(_ raw: String) -> String {
    var out = ""
    for character in raw {
      switch character {
      case "\n", "\r": out += " "
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out += "\\\(character)"
      default: out.append(character)
      }
    }
    return out
  }

  static func escape(_ raw: String, limit: Int?) -> String {
    var text = raw
    if let limit, text.count > limit { text = String(text.prefix(limit - 1)) + "…" }
    var out = ""
    for character in text {
      switch character {
      case "\"": out += "#quot;"
      case "#": out += "#35;"
      case ";": out += "#59;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "&": out += "#amp;"
      case "`": out += "#96;"
      case "\n", "\r", "\t": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
