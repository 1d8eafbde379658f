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

  public init() {}

  public func lookup(_ name: String, at now: SimTime) -> Entry? {
    guard let entry = entries[name], entry.expires > now else { return nil }
    return entry
  }

  public mutating func store(_ name: String, _ entry: Entry) {
    entries[name] = entry
  }
}
