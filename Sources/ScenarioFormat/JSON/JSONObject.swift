import Diagnostics

/// A JSON object whose members keep their document order and the positions of their keys.
///
/// Document order matters for rendering and for rules where AWS evaluates entries in the order
/// written. Objects from `JSONReader` have unique keys: it reports a repeated key as
/// `syntax.duplicate-key` and keeps the first occurrence.
public struct JSONObject: Sendable {
  /// One `"key": value` pair.
  public struct Member: Sendable {
    /// The key, escapes resolved.
    public var key: String
    /// Where the key's opening quote is.
    public var keyLocation: SourceLocation
    /// The member's value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  /// The members in document order.
  ///
  /// Lookups by key find the first member with that key.
  public var members: [Member] {
    get { storage }
    set {
      storage = newValue
      indexByKey = Self.index(newValue)
    }
  }
  private var storage: [Member]
  private var indexByKey: [String: Int]

  /// Creates an object from members in document order.
  public init(members: [Member] = []) {
    self.storage = members
    self.indexByKey = Self.index(members)
  }

  /// Adds a member at the end, unless the key is already present.
  ///
  /// - Returns: The existing member with the same key, or `nil` when the member was added.
  @discardableResult
  public mutating func append(_ member: Member) -> Member? {
    if let existing = indexByKey[member.key] { return storage[existing] }
    indexByKey[member.key] = storage.count
    storage.append(member)
    return nil
  }

  private static func index(_ members: [Member]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, member) in members.enumerated() where index[member.key] == nil {
      index[member.key] = position
    }
    return index
  }

  /// The member with `key`, or `nil`.
  public func member(_ key: String) -> Member? {
    indexByKey[key].map { storage[$0] }
  }

  /// The value of the member with `key`, or `nil`.
  public subscript(key: String) -> JSONNode? {
    member(key)?.value
  }

  /// The keys in document order.
  public var keys: [String] { members.map(\.key) }

  /// The number of members.
  public var count: Int { members.count }

  /// Whether the object has no members.
  public var isEmpty: Bool { members.isEmpty }
}
