/// An ordered list of HTTP header fields, as a request carries them.
///
/// Field names are compared case-insensitively (RFC 9110 §5.1); values are kept as sent.
/// Order and repeated fields are preserved. Matchers read a repeated field as its *combined*
/// value, the values joined with `,` (RFC 9110 §5.3), which is how Envoy (and so App Mesh and
/// Service Connect) evaluates header matchers.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  /// The header fields in the order they were added.
  public var pairs: [(name: String, value: String)]

  /// Creates headers from `(name, value)` pairs, keeping their order.
  public init(_ pairs: [(String, String)] = []) {
    self.pairs = pairs.map { (name: $0.0, value: $0.1) }
  }

  /// Creates headers from a literal such as `["x-canary": "true"]`, keeping its order.
  public init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// Whether there are no header fields.
  public var isEmpty: Bool { pairs.isEmpty }

  /// The first value of the field `name` (case-insensitive), or `nil` when it is absent.
  public func value(for name: String) -> String? {
    for pair in pairs where Self.sameName(pair.name, name) {
      return pair.value
    }
    return nil
  }

  /// Every value of the field `name` (case-insensitive), in order.
  public func values(for name: String) -> [String] {
    pairs.filter { Self.sameName($0.name, name) }.map(\.value)
  }

  /// Whether the field `name` is present (case-insensitive).
  public func contains(_ name: String) -> Bool {
    pairs.contains { Self.sameName($0.name, name) }
  }

  /// The field's combined value: its values joined with `,`, or `nil` when absent.
  ///
  /// A field sent once is returned without copying, so matching single-valued headers does not
  /// allocate.
  public func combinedValue(for name: String) -> String? {
    var found: String?
    var index = 0
    while index < pairs.count {
      if Self.sameName(pairs[index].name, name) {
        if let first = found {
          return first + "," + values(after: index, named: name).joined(separator: ",")
        }
        found = pairs[index].value
      }
      index += 1
    }
    return found
  }

  /// Replaces every field named `name` by one field with `value`, at the first one's position.
  public mutating func set(_ name: String, _ value: String) {
    if let first = pairs.firstIndex(where: { Self.sameName($0.name, name) }) {
      pairs[first].value = value
      var index = pairs.count - 1
      while index > first {
        if Self.sameName(pairs[index].name, name) { pairs.remove(at: index) }
        index -= 1
      }
    } else {
      pairs.append((name: name, value: value))
    }
  }

  /// Appends a field, keeping any existing fields with the same name.
  public mutating func add(_ name: String, _ value: String) {
    pairs.append((name: name, value: value))
  }

  /// Removes every field named `name` (case-insensitive).
  public mutating func remove(_ name: String) {
    pairs.removeAll { Self.sameName($0.name, name) }
  }

  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.pairs.count == rhs.pairs.count
      && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  /// Whether two field names are the same (ASCII case-insensitive).
  @inline(__always)
  static func sameName(_ a: String, _ b: String) -> Bool {
    ASCIICaseFolding.equal(a, b, caseSensitive: false)
  }

  private func values(after index: Int, named name: String) -> [String] {
    pairs[index...].filter { Self.sameName($0.name, name) }.map(\.value)
  }
}
