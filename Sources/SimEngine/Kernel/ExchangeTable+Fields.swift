/// Narrow reads of one field of an exchange. Reading `table[e].field` goes through the
/// subscript's `get`, which may copy the whole `Exchange` (its `RequestHead` strings and arrays
/// retained and released) to read one word; these read the slot in place.
extension ExchangeTable {
  /// Whether the callee of exchange `index` has answered.
  @inline(__always)
  public func answered(_ index: Int32) -> Bool { slab[index].answered }

  /// The failure exchange `index` delivers when its timeout fires, if its packets were dropped.
  @inline(__always)
  public func pendingFailure(_ index: Int32) -> Response? { slab[index].pendingFailure }

  /// The response of exchange `index`.
  @inline(__always)
  public func response(_ index: Int32) -> Response { slab[index].response }

  /// The top-level request exchange `index` belongs to.
  @inline(__always)
  public func request(_ index: Int32) -> Int32 { slab[index].request }

  /// The source address the callee of exchange `index` sees.
  @inline(__always)
  public func sourceAddress(_ index: Int32) -> UInt32 { slab[index].sourceAddress }

  /// The generation of the slot of exchange `index`.
  @inline(__always)
  public func generation(_ index: Int32) -> UInt32 { slab[index].generation }

  /// Hops from the client to exchange `index`.
  @inline(__always)
  public func depth(_ index: Int32) -> Int16 { slab[index].depth }

  /// The exchange that exchange `index` was made to serve (-1 for a client's own).
  @inline(__always)
  public func parent(_ index: Int32) -> Int32 { slab[index].parent }

  /// The generation of the parent of exchange `index` when it was made.
  @inline(__always)
  public func parentGeneration(_ index: Int32) -> UInt32 { slab[index].parentGeneration }

  /// The context the caller of exchange `index` keeps in it.
  @inline(__always)
  public func callerContext(_ index: Int32) -> Int64 { slab[index].callerContext }

  /// The caller's progress counter of exchange `index` (call index, attempt number, …).
  @inline(__always)
  public func step(_ index: Int32) -> Int32 { slab[index].step }

  /// The context the callee of exchange `index` keeps in it.
  @inline(__always)
  public func calleeContext(_ index: Int32) -> Int64 { slab[index].calleeContext }

  /// Whether exchange `index`'s request is sent with the `https` scheme.
  @inline(__always)
  public func usesHTTPS(_ index: Int32) -> Bool { slab[index].head.scheme == "https" }
}
