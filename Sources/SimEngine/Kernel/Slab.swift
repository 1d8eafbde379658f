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

  public mutating func release(_ index: Int32) { free.append(index) }

  public subscript(index: Int32) -> Element {
    get { slots[Int(index)] }
    set { slots[Int(index)] = newValue }
  }

  public var liveCount: Int { slots.count - free.count }
}
