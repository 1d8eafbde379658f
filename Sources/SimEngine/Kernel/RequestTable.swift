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

  public mutating func open(_ record: Record) -> Int32 {
    var replacedTraced = false
    let index = slab.allocate { previous in
      replacedTraced = (previous?.trace ?? -1) >= 0
      return record
    }
    if replacedTraced { tracedSlotCount -= 1 }
    if record.trace >= 0 { tracedSlotCount += 1 }
    return index
  }

  @inline(__always)  // once per request, from `World.complete`
  public mutating func release(_ index: Int32) {
    slab[index].isOpen = false
    slab.release(index)
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
