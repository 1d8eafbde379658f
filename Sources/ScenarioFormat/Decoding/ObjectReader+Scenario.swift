import Diagnostics
import SimKernel

/// Scenario-specific readers on top of the generic ``ObjectReader``: durations, ratios, tags.
extension ObjectReader {
  /// Reads a duration written with a unit (`"30s"`, `"250ms"`, `"2m"`), as the contract requires.
  public func duration(_ key: String, required: Bool = false) -> SimDuration? {
    guard let node = node(key, required: required) else { return nil }
    return context.duration(node, what: "'\(key)'")
  }

  /// Reads a probability written as `"1/10"`, `"0.1"` or `"10%"`.
  public func ratio(_ key: String, required: Bool = false) -> Ratio? {
    guard let node = node(key, required: required) else { return nil }
    guard case .string(let text) = node.value else {
      if case .number(let number) = node.value, let ratio = Ratio.parse(number.text) {
        return ratio
      }
      context.typeMismatch(node, expected: "ratio string such as \"1/10\" or \"10%\"", key: key)
      return nil
    }
    guard let ratio = Ratio.parse(text) else {
      context.invalid(
        node, "invalid ratio '\(text)' for '\(key)'",
        hint: "write a fraction between 0 and 1: \"1/10\", \"0.1\" or \"10%\"")
      return nil
    }
    return ratio
  }

  /// Reads EC2 tags from `Tags` and `TagSpecifications[].Tags` (describe and create shapes).
  public func ec2Tags() -> [Tag] {
    var tags: [Tag] = []
    if let list = array("Tags") { tags += list.compactMap { context.tag($0) } }
    if let specs = array("TagSpecifications") {
      for spec in specs {
        guard let reader = context.object(spec, what: "tag specification") else { continue }
        _ = reader.string("ResourceType")
        if let list = reader.array("Tags") { tags += list.compactMap { context.tag($0) } }
        reader.finish()
      }
    }
    return tags
  }
}

extension DecodingContext {
  /// The longest duration a scenario may write: a year. Simulated time is Int64 nanoseconds
  /// (292 years), so sums of scenario durations can never overflow it.
  public static let longestDuration = SimDuration.hours(24 * 365)

  /// Reads a duration string from an array element or value node.
  public func duration(_ node: JSONNode, what: String) -> SimDuration? {
    guard case .string(let text) = node.value else {
      typeMismatch(node, expected: "duration string such as \"30s\" or \"250ms\"", key: what)
      return nil
    }
    guard let value = SimDuration.parse(text) else {
      invalid(
        node, "invalid duration '\(text)' for \(what)",
        hint: "durations are strings with a unit: \"250ms\", \"30s\", \"2m\"")
      return nil
    }
    guard value <= DecodingContext.longestDuration else {
      diagnostics.error(
        "schema.value-out-of-range", "duration '\(text)' for \(what) is longer than a year",
        at: node.location,
        path: node.path.description, hint: "scenario durations go up to 8760h (365 days)")
      return nil
    }
    return value
  }

  /// Reads one `{"Key": …, "Value": …}` tag.
  public func tag(_ node: JSONNode) -> Tag? {
    guard let reader = object(node, what: "tag") else { return nil }
    defer { reader.finish() }
    guard let key = reader.string("Key", required: true) else { return nil }
    return Tag(key: key, value: reader.string("Value") ?? "")
  }

  /// Emits `schema.type-mismatch` for a node of the wrong JSON kind.
  public func typeMismatch(_ node: JSONNode, expected: String, key: String) {
    diagnostics.error(
      "schema.type-mismatch", "expected \(expected) for \(key), found \(node.value.kindName)",
      at: node.location, path: node.path.description)
  }

  /// Emits `schema.invalid-value` for a well-typed value that makes no sense.
  public func invalid(_ node: JSONNode, _ message: String, hint: String? = nil) {
    diagnostics.error(
      "schema.invalid-value", message, at: node.location, path: node.path.description, hint: hint)
  }

  /// Reads every element of an array as an object and decodes it with `body`.
  public func objects<T>(_ nodes: [JSONNode]?, what: String, _ body: (ObjectReader) -> T?) -> [T] {
    guard let nodes else { return [] }
    var result: [T] = []
    for node in nodes {
      guard let reader = object(node, what: what) else { continue }
      if let value = body(reader) { result.append(value) }
      reader.finish()
    }
    return result
  }
}
