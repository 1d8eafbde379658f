/// A growable array of reusable slots with a free list: steady-state allocation-free storage
/// for things that come and go by the million (exchanges, open requests).
///
/// A slab is a reference: it belongs to one `World` (through its `ExchangeTable` or
/// `RequestTable`), which reads and writes it from its single event loop and never copies it.
/// Being a class without copy-on-write, a write to one field of a slot is a plain store: a slab
/// held in an array would check that the array is uniquely referenced on every write, about
/// fifty times per request. Indices are checked on every access, except through the `checked`
/// variants, which take an index an earlier access has checked (slots are never removed).
public final class Slab<Element> {
  /// The slots, `capacity` of them allocated and the first `count` initialised.
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  /// Slots in use or freed; slots at `count` and beyond are uninitialised.
  public private(set) var count: Int
  /// Freed slots, reused last in first out: `freeCount` indices (room for `capacity`).
  private var free: UnsafeMutablePointer<Int32>
  private var freeCount: Int

  public init() {
    capacity = 16
    base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    count = 0
    free = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    freeCount = 0
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
    free.deallocate()
  }

  /// Whether slot `index` exists (in use or freed): one unsigned comparison, since a negative
  /// index reads as a huge unsigned one. Every access but the `checked` variants tests it.
  @inline(__always)
  private func holds(_ index: Int32) -> Bool {
    UInt(bitPattern: Int(index)) < UInt(bitPattern: count)
  }

  /// Takes the most recently freed slot, if any.
  @inline(__always)
  private func popFree() -> Int32? {
    guard freeCount > 0 else { return nil }
    freeCount -= 1
    return free[freeCount]
  }

  /// Stores a new element, reusing a freed slot when there is one; `make` sees the slot's
  /// previous occupant (to carry a generation number over).
  public func allocate(_ make: (Element?) -> Element) -> Int32 {
    if let index = popFree() {
      let slot = base + Int(index)
      slot.pointee = make(slot.pointee)
      return index
    }
    if count == capacity { grow() }
    (base + count).initialize(to: make(nil))
    count += 1
    return Int32(count - 1)
  }

  /// Takes the most recently freed slot, if any, for the caller to rewrite in place right away:
  /// its index and address (valid until the next `allocate` that grows the slab). Its previous
  /// occupant is still there (to carry a generation number over).
  @inline(__always)
  public func takeFreed() -> (index: Int32, slot: UnsafeMutablePointer<Element>)? {
    guard let index = popFree() else { return nil }
    return (index, base + Int(index))
  }

  /// Puts slot `index` on the free list (its element stays until the slot is reused).
  @inline(__always)
  public func release(_ index: Int32) {
    precondition(holds(index), "slab index out of range")
    release(checked: index)
  }

  /// `release(_:)` for an index that an access since the slab last changed size has already
  /// checked (slots are never removed, so it is still in range).
  @inline(__always)
  public func release(checked index: Int32) {
    assert(holds(index), "slab index out of range")
    precondition(freeCount < count, "more slab slots released than allocated")
    free[freeCount] = index
    freeCount += 1
  }

  /// The slot `index`, read and written in place: reading one field copies that field alone,
  /// setting one does not copy the element.
  public subscript(index: Int32) -> Element {
    _read {
      precondition(holds(index), "slab index out of range")
      yield base[Int(index)]
    }
    _modify {
      precondition(holds(index), "slab index out of range")
      yield &base[Int(index)]
    }
  }

  /// The address of slot `index`, for a caller that works on the element in place right away:
  /// it is valid until the next `allocate` that grows the slab.
  @inline(__always)
  public func pointer(to index: Int32) -> UnsafeMutablePointer<Element> {
    precondition(holds(index), "slab index out of range")
    return base + Int(index)
  }

  /// `pointer(to:)` for an index that an access since the slab last changed size has already
  /// checked (slots are never removed, so it is still in range): no second check.
  @inline(__always)
  public func pointer(toChecked index: Int32) -> UnsafeMutablePointer<Element> {
    assert(holds(index), "slab index out of range")
    return base + Int(index)
  }

  /// Slots in use.
  public var liveCount: Int { count - freeCount }

  /// Doubles the allocation, moving the slots and the free list over.
  private func grow() {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    let biggerFree = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
    biggerFree.moveInitialize(from: free, count: freeCount)
    free.deallocate()
    free = biggerFree
    capacity *= 2
  }
}
