extension DiagnosticRenderer {
  /// The roles text can be coloured for.
  enum Paint {
    case bold, error, warning, note, hint, caret

    /// The ANSI escape that starts this role.
    var escape: String {
      switch self {
      case .bold: "\u{1B}[1m"
      case .error: "\u{1B}[1;31m"
      case .warning: "\u{1B}[1;35m"
      case .note: "\u{1B}[1;36m"
      case .hint: "\u{1B}[1;32m"
      case .caret: "\u{1B}[32m"
      }
    }
  }

  /// `text` wrapped in the escapes for `role` when colour is on, unchanged otherwise.
  func paint(_ text: String, _ role: Paint) -> String {
    colored ? role.escape + text + "\u{1B}[0m" : text
  }
}
