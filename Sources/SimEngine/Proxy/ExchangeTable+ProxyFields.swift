/// Narrow reads of the exchange fields the proxies need besides those of
/// `ExchangeTable+Fields.swift` (reading `table.read(e) { $0.field }` or `table[e].field` may
/// copy the whole `Exchange`, retaining and releasing its request head, to read one word).
extension ExchangeTable {
  /// The caller's progress counter of exchange `index` (call index, attempt number, …).
  @inline(__always)
  public func step(_ index: Int32) -> Int32 { slab.slots[Int(index)].step }

  /// The context the callee of exchange `index` keeps in it.
  @inline(__always)
  public func calleeContext(_ index: Int32) -> Int64 { slab.slots[Int(index)].calleeContext }

  /// Whether exchange `index`'s request is sent with the `https` scheme.
  @inline(__always)
  public func usesHTTPS(_ index: Int32) -> Bool { slab.slots[Int(index)].head.scheme == "https" }
}
