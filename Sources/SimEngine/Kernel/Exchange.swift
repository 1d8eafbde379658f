import RouteMatching
import SimKernel

/// One request/response on one connection between two actors (one hop of a request).
///
/// Exchanges live in a slab (``ExchangeTable``) and are reused, so the steady state allocates
/// nothing; a generation number makes late events for a reused slot harmless.
public struct Exchange: Sendable {
  /// The top-level request this exchange belongs to.
  public var request: Int32
  /// The exchange this one was made to serve (-1 for the client's own).
  public var parent: Int32
  /// Generation of the parent when this exchange was made (the parent may be gone since).
  public var parentGeneration: UInt32
  public var caller: Int32
  public var callee: Int32
  public var head: RequestHead
  public var startedAt: SimTime
  public var generation: UInt32
  /// Hops from the client to here, for the hop limit.
  public var depth: Int16
  /// Progress counter owned by the caller (call index, attempt number, …).
  public var step: Int32
  /// Context owned by the callee (a chosen target, a route, …).
  public var calleeContext: Int64
  /// Context owned by the caller.
  public var callerContext: Int64
  public var isOpen: Bool
  /// The callee has answered (its response may still be on the way).
  public var answered: Bool
  /// The failure delivered when the timeout fires (packets dropped on the way).
  public var pendingFailure: Response?
  public var response: Response
  /// One-way latency back to the caller.
  public var returnLatency: SimDuration
  /// Source address the callee sees.
  public var sourceAddress: UInt32
  /// ENI (index) the callee received the request on, -1 for local delivery.
  public var calleeInterface: Int32
}

/// The slab of exchanges, with a free list.
public struct ExchangeTable: Sendable {
  public private(set) var slots: [Exchange] = []
  private var free: [Int32] = []

  public init() {}

  public mutating func allocate(_ exchange: consuming Exchange) -> Int32 {
    if let index = free.popLast() {
      var value = exchange
      value.generation = slots[Int(index)].generation &+ 1
      slots[Int(index)] = value
      return index
    }
    slots.append(exchange)
    return Int32(slots.count - 1)
  }

  /// Opens a new exchange from its caller's side, writing the fields in place into a free slot
  /// (what `allocate(Exchange(...))` does for a fresh exchange, without building and copying a
  /// whole `Exchange` per hop).
  public mutating func open(request: Int32, parent: Int32, parentGeneration: UInt32, caller: Int32, head: consuming RequestHead,
                            startedAt: SimTime, depth: Int16, callerContext: Int64) -> Int32 {
    guard let index = free.popLast() else {
      return allocate(Exchange(
        request: request, parent: parent, parentGeneration: parentGeneration, caller: caller, callee: -1, head: head,
        startedAt: startedAt, generation: 0, depth: depth, step: 0, calleeContext: 0, callerContext: callerContext,
        isOpen: true, answered: false, pendingFailure: nil, response: .failure(.notCompleted), returnLatency: .zero,
        sourceAddress: 0, calleeInterface: -1))
    }
    slots.withUnsafeMutableBufferPointer { buffer in
      let slot = buffer.baseAddress! + Int(index)
      slot.pointee.request = request
      slot.pointee.parent = parent
      slot.pointee.parentGeneration = parentGeneration
      slot.pointee.caller = caller
      slot.pointee.callee = -1
      slot.pointee.head = head
      slot.pointee.startedAt = startedAt
      slot.pointee.generation &+= 1
      slot.pointee.depth = depth
      slot.pointee.step = 0
      slot.pointee.calleeContext = 0
      slot.pointee.callerContext = callerContext
      slot.pointee.isOpen = true
      slot.pointee.answered = false
      slot.pointee.pendingFailure = nil
      slot.pointee.response = .failure(.notCompleted)
      slot.pointee.returnLatency = .zero
      slot.pointee.sourceAddress = 0
      slot.pointee.calleeInterface = -1
    }
    return index
  }

  public mutating func release(_ index: Int32) {
    slots[Int(index)].isOpen = false
    free.append(index)
  }

  /// Reads and writes in place (no copy of the whole value per field access).
  public subscript(index: Int32) -> Exchange {
    _read { yield slots[Int(index)] }
    _modify { yield &slots[Int(index)] }
  }

  public var liveCount: Int { slots.count - free.count }
}
