import ScenarioFormat

/// Reading and editing generated or copied scenario JSON by key.
extension JSONOutput {
  /// The member `key` of an object (nil for other values).
  subscript(key: String) -> JSONOutput? {
    get {
      if case .object(let members) = self { return members[key] }
      return nil
    }
    set {
      guard case .object(var members) = self else { return }
      members[key] = newValue
      self = .object(members)
    }
  }

  /// The elements of an array (empty for other values).
  var elements: [JSONOutput] {
    if case .array(let items) = self { return items }
    return []
  }

  var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var intValue: Int? {
    switch self {
    case .int(let value): return Int(value)
    case .number(let text): return Int(text)
    default: return nil
    }
  }
}
