import SimKernel

/// The open top-level requests (one per traffic request in flight), in a slab (a reference:
/// the table belongs to one `World`, and a copy shares its slots).
public struct RequestTable {
  public struct Record: Sendable {
    public var stream: Int32
    public var index: Int32
    public var startedAt: SimTime
    /// Trace slot, or -1 when the request is not traced.
    public var trace: Int32
    public var isOpen: Bool
  }
  private let slab = Slab<Record>()
  /// Slots whose record (open, or finished and not yet overwritten) is traced. While it is zero,
  /// no exchange can be traced, which `World.isTraced` answers without reading the slab.
  public private(set) var tracedSlotCount = 0

  public init() {}

  /// Stores `record` in a free slot (the most recently freed one, if any); returns its index.
  /// Inlined into its one caller per request (`ClientActor.send`): reusing a slot writes it in
  /// place, with no closure and no call.
  @inline(__always)
  public mutating func open(_ record: Record) -> Int32 {
    guard let (index, slot) = slab.takeFreed() else { return openNew(record) }
    if slot.pointee.trace >= 0 { tracedSlotCount -= 1 }
    slot.pointee = record
    if record.trace >= 0 { tracedSlotCount += 1 }
    return index
  }

  /// `open` when no slot is free: a new one.
  @inline(never)
  private mutating func openNew(_ record: Record) -> Int32 {
    if record.trace >= 0 { tracedSlotCount += 1 }
    return slab.allocate { _ in record }
  }

  /// Marks request `index` finished and frees its slot (its record stays readable until the
  /// slot is reused), through `slot`, the address `slot(_:)` gave for `index`: the caller has
  /// read the record through it already, so the index is not checked twice.
  @inline(__always)  // once per request, from `World.complete`
  public mutating func release(_ slot: UnsafeMutablePointer<Record>, index: Int32) {
    slot.pointee.isOpen = false
    slab.release(checked: index)
  }

  /// The address of request `index`'s record (checked), for reading and changing several of
  /// its fields through one index check; valid until the next `open`.
  @inline(__always)
  public func slot(_ index: Int32) -> UnsafeMutablePointer<Record> {
    slab.pointer(to: index)
  }

  public subscript(index: Int32) -> Record {
    _read { yield slab[index] }
    nonmutating _modify { yield &slab[index] }
  }

  /// Open requests in start order (stream, index) — deterministic.
  public func openIndices() -> [Int] {
    let slots = (0..<slab.count).map { slab[Int32($0)] }
    return slots.indices.filter { slots[$0].isOpen }.sorted {
      (slots[$0].startedAt, slots[$0].stream, slots[$0].index) < (slots[$1].startedAt, slots[$1].stream, slots[$1].index)
    }
  }
}
