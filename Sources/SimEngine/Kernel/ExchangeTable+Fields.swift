/// Narrow reads of one field of an exchange. Reading `table[e].field` goes through the
/// subscript's `get`, which may copy the whole `Exchange` (its `RequestHead` strings and arrays
/// retained and released) to read one word; these read the slot in place.
extension ExchangeTable {
  /// Whether the callee of exchange `index` has answered.
  @inline(__always)
  public func answered(_ index: Int32) -> Bool { slab.slots[Int(index)].answered }

  /// The failure exchange `index` delivers when its timeout fires, if its packets were dropped.
  @inline(__always)
  public func pendingFailure(_ index: Int32) -> Response? { slab.slots[Int(index)].pendingFailure }

  /// The response of exchange `index`.
  @inline(__always)
  public func response(_ index: Int32) -> Response { slab.slots[Int(index)].response }

  /// The top-level request exchange `index` belongs to.
  @inline(__always)
  public func request(_ index: Int32) -> Int32 { slab.slots[Int(index)].request }

  /// The source address the callee of exchange `index` sees.
  @inline(__always)
  public func sourceAddress(_ index: Int32) -> UInt32 { slab.slots[Int(index)].sourceAddress }
}
