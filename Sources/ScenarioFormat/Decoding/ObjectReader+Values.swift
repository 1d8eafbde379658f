/// Typed reads of members by key, and of array elements with the same diagnostics.
extension ObjectReader {
  /// The string value of `key`.
  public func string(_ key: String, required: Bool = false) -> String? {
    presentValue(key, required: required).flatMap { context.string($0, what: "'\(key)'") }
  }

  /// The integer value of `key`; only plain integers, optionally limited to `range`.
  public func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
    presentValue(key, required: required).flatMap {
      context.int($0, what: "'\(key)'", range: range)
    }
  }

  /// The Boolean value of `key`.
  public func bool(_ key: String, required: Bool = false) -> Bool? {
    presentValue(key, required: required).flatMap { context.bool($0, what: "'\(key)'") }
  }

  /// The numeric value of `key`, integers included.
  public func double(_ key: String, required: Bool = false) -> Double? {
    presentValue(key, required: required).flatMap { context.double($0, what: "'\(key)'") }
  }

  /// The strings of the array value of `key`.
  public func stringArray(_ key: String, required: Bool = false) -> [String]? {
    presentValue(key, required: required).flatMap { context.stringArray($0, what: "'\(key)'") }
  }

  /// The elements of the array value of `key`.
  public func array(_ key: String, required: Bool = false) -> [JSONNode]? {
    presentValue(key, required: required).flatMap { context.array($0, what: "'\(key)'") }
  }

  /// A reader for the object value of `key`; `what` names it in messages (default `'key'`).
  public func object(_ key: String, required: Bool = false, what: String? = nil) -> ObjectReader? {
    presentValue(key, required: required).flatMap {
      context.object($0, what: what ?? "'\(key)'")
    }
  }

  /// Readers for the objects in the array value of `key`, skipping (after reporting) elements
  /// that are not objects; `what` names each element in messages.
  public func objectArray(_ key: String, required: Bool = false, what: String) -> [ObjectReader]? {
    array(key, required: required).map { elements in
      elements.compactMap { context.object($0, what: what) }
    }
  }

  /// The enumeration case named by the string value of `key`.
  public func enumValue<Value: RawRepresentable & CaseIterable>(
    _ key: String, _ type: Value.Type, required: Bool = false
  ) -> Value? where Value.RawValue == String {
    presentValue(key, required: required).flatMap {
      context.enumValue($0, type, what: "'\(key)'")
    }
  }

  /// The string in an array element (or any node).
  public func string(_ node: JSONNode, what: String) -> String? {
    context.string(node, what: what)
  }

  /// The integer in an array element (or any node).
  public func int(_ node: JSONNode, what: String, range: ClosedRange<Int>? = nil) -> Int? {
    context.int(node, what: what, range: range)
  }

  /// The Boolean in an array element (or any node).
  public func bool(_ node: JSONNode, what: String) -> Bool? {
    context.bool(node, what: what)
  }

  /// The number in an array element (or any node).
  public func double(_ node: JSONNode, what: String) -> Double? {
    context.double(node, what: what)
  }

  /// A reader for the object in an array element (or any node).
  public func object(_ node: JSONNode, what: String) -> ObjectReader? {
    context.object(node, what: what)
  }
}
