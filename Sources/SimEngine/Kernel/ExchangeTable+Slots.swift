extension ExchangeTable {
  /// The address of exchange `e`'s slot, for a caller that reads or writes several of its
  /// fields right away: one checked index instead of one per field. Valid until the next
  /// exchange is opened (opening one may move the slots).
  @inline(__always)
  func slot(_ e: Int32) -> UnsafeMutablePointer<Exchange> { slab.pointer(to: e) }

  /// `slot(_:)` for an index known to be in range: one that `open` returned, such as an
  /// event's (slots are never removed, so an index once opened stays in range).
  @inline(__always)
  func slot(checked e: Int32) -> UnsafeMutablePointer<Exchange> { slab.pointer(toChecked: e) }
}
