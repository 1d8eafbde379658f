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
  /// The name as the client wrote it (before lowercasing) that last resolved from this cache,
  /// with that entry's addresses and expiry: the resolver's fast path (`memoizedCount`).
  private var memoName: String?
  private var memoAddresses: [UInt32] = []
  private var memoExpires = SimTime.zero

  public init() {}

  /// How many addresses the cached answer for `rawName` (as written, not lowercased) holds,
  /// when it was the last name resolved from this cache and has not expired; nil otherwise.
  @inline(__always)
  public func memoizedCount(_ rawName: String, at now: SimTime) -> Int? {
    guard let memoName, memoName == rawName, memoExpires > now else { return nil }
    return memoAddresses.count
  }

  /// Address `index` of the memoized answer (see `memoizedCount`).
  @inline(__always)
  public func memoizedAddress(_ index: Int) -> UInt32 { memoAddresses[index] }

  /// Remembers that `rawName` resolved to `entry` (stored under its lowercased form).
  public mutating func memoize(_ rawName: String, _ entry: Entry) {
    memoName = rawName
    memoAddresses = entry.addresses
    memoExpires = entry.expires
  }

  public func lookup(_ name: String, at now: SimTime) -> Entry? {
    guard let entry = entries[name], entry.expires > now else { return nil }
    return entry
  }

  public mutating func store(_ name: String, _ entry: Entry) {
    memoName = nil
    entries[name] = entry
  }
}
