/// A growable array of reusable slots with a free list: steady-state allocation-free storage
/// for things that come and go by the million (exchanges, open requests).
public struct Slab<Element>: Sendable where Element: Sendable {
  public private(set) var slots: [Element] = []
  private var free: [Int32] = []

  public init() {}

  /// Stores a new element, reusing a freed slot when there is one; `make` sees the slot's
  /// previous occupant (to carry a generation number over).
  public mutating func allocate(_ make: (Element?) -> Element) -> Int32 {
    if let index = free.popLast() {
      slots[Int(index)] = make(slots[Int(index)])
      return index
    }
    slots.append(make(nil))
    return Int32(slots.count - 1)
  }

  /// Takes a freed slot, if there is one, and lets `update` rewrite its previous occupant in
  /// place (no copy of the whole element); nil when no slot is free.
  @inline(__always)
  public mutating func reuse(_ update: (inout Element) -> Void) -> Int32? {
    guard let index = free.popLast() else { return nil }
    slots.withUnsafeMutableBufferPointer { update(&$0[Int(index)]) }
    return index
  }

  public mutating func release(_ index: Int32) { free.append(index) }

  /// Writes in place (`_modify`), so setting one field does not copy the whole element. Reads
  /// return a copy (`get`): a borrow of a slot must not outlive a call that may grow the slab.
  public subscript(index: Int32) -> Element {
    get { slots[Int(index)] }
    _modify { yield &slots[Int(index)] }
  }

  public var liveCount: Int { slots.count - free.count }
}
