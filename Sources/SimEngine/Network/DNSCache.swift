import SimKernel

/// A client-side DNS cache that honours record TTLs: an answer is reused until it expires, so a
/// client keeps sending to the addresses it saw even after tasks come and go (Cloud Map
/// developer guide, TTL; aws-behaviour §4.7).
public struct DNSCache: Sendable {
  public struct Entry: Sendable {
    public var addresses: [UInt32]
    public var expires: SimTime
    public var source: String
  }
  private var entries: [String: Entry] = [:]
  /// The name last looked up or stored and its entry: a client usually asks for the same name
  /// again and again, and comparing a string with itself is much cheaper than hashing it.
  private var lastName: String?
  private var lastEntry: Entry?

  public init() {}

  public mutating func lookup(_ name: String, at now: SimTime) -> Entry? {
    let entry: Entry?
    if let lastName, lastName == name {
      entry = lastEntry
    } else {
      entry = entries[name]
      lastName = name
      lastEntry = entry
    }
    guard let entry, entry.expires > now else { return nil }
    return entry
  }

  public mutating func store(_ name: String, _ entry: Entry) {
    entries[name] = entry
    lastName = name
    lastEntry = entry
  }
}
