/// Escaping for the HTML report: element text and quoted attribute values. The report embeds no
/// data in scripts (the step-through reads integer `data-` attributes), so this is the only
/// escaping it needs.
public enum HTMLEscaping {
  /// Escapes `&`, `<`, `>`, `"` and `'` so the text is safe in element content and in quoted
  /// attribute values (SVG inside HTML is parsed by the same rules).
  public static func text(_ raw: String) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    for character in raw.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than tab and newline are not allowed in HTML text.
        if character.value < 0x20 && character != "\t" && character != "\n" {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(character)
        }
      }
    }
    return out
  }
}
