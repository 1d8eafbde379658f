extension Diagnostic {
  /// Whether `self` is reported before `other`: by file, line, column, id and message.
  ///
  /// Diagnostics without a location come first. The remaining fields (severity, path, hint,
  /// notes) break the last ties, so the order is total and never depends on the order in which
  /// problems were found.
  public func isReported(before other: Diagnostic) -> Bool {
    switch (location, other.location) {
    case (nil, .some): return true
    case (.some, nil): return false
    case (.some(let lhs), .some(let rhs)) where lhs != rhs: return lhs < rhs
    default: break
    }
    if id != other.id { return id < other.id }
    if message != other.message { return message < other.message }
    if severity != other.severity { return severity.rawValue < other.severity.rawValue }
    if path != other.path { return Self.precedes(path, other.path) }
    if hint != other.hint { return Self.precedes(hint, other.hint) }
    return Self.precedes(notes, other.notes)
  }

  private static func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
    switch (lhs, rhs) {
    case (.some(let lhs), .some(let rhs)): return lhs < rhs
    case (nil, .some): return true
    default: return false
    }
  }

  private static func precedes(_ lhs: [Note], _ rhs: [Note]) -> Bool {
    for (left, right) in zip(lhs, rhs) where left != right {
      if left.message != right.message { return left.message < right.message }
      switch (left.location, right.location) {
      case (.some(let lhs), .some(let rhs)): return lhs < rhs
      case (nil, .some): return true
      default: return false
      }
    }
    return lhs.count < rhs.count
  }
}
