import SimKernel

/// The open top-level requests (one per traffic request in flight), in a slab.
public struct RequestTable: Sendable {
  public struct Record: Sendable {
    public var stream: Int32
    public var index: Int32
    public var startedAt: SimTime
    /// Trace slot, or -1 when the request is not traced.
    public var trace: Int32
    public var isOpen: Bool
  }
  private var slots: [Record] = []
  private var free: [Int32] = []

  public init() {}

  public mutating func open(_ record: Record) -> Int32 {
    if let index = free.popLast() {
      slots[Int(index)] = record
      return index
    }
    slots.append(record)
    return Int32(slots.count - 1)
  }

  public mutating func release(_ index: Int32) {
    slots[Int(index)].isOpen = false
    free.append(index)
  }

  /// Reads and writes in place (no copy of the whole value per field access).
  public subscript(index: Int32) -> Record {
    _read { yield slots[Int(index)] }
    _modify { yield &slots[Int(index)] }
  }

  /// Open requests in start order (stream, index) — deterministic.
  public func openIndices() -> [Int] {
    slots.indices.filter { slots[$0].isOpen }.sorted {
      (slots[$0].startedAt, slots[$0].stream, slots[$0].index) < (slots[$1].startedAt, slots[$1].stream, slots[$1].index)
    }
  }
}
