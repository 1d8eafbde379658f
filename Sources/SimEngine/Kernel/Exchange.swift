import RouteMatching
import SimKernel

/// One request/response on one connection between two actors (one hop of a request).
///
/// Exchanges live in a slab (``ExchangeTable``) and are reused, so the steady state allocates
/// nothing; a generation number makes late events for a reused slot harmless.
public struct Exchange: Sendable {
  // The fields the event loop reads for every event come first, in 16 bytes: the obsolete test
  // (`World.isObsolete`, also for every lane entry compacted) reads `generation` and `isOpen`,
  // dispatch `depth`, `caller` and `callee`, `World.reply` `answered`. For latency: they share
  // one cache line (unless the slot's first 16 bytes straddle two), where they used to be
  // spread over up to three lines that often missed. Packed this way a slot is also smaller:
  // 152 bytes, not 160 (`ExchangeTableTests` checks the block).
  public var generation: UInt32
  public var isOpen: Bool
  /// The callee has answered (its response may still be on the way).
  public var answered: Bool
  /// Hops from the client to here, for the hop limit.
  public var depth: Int16
  public var caller: Int32
  public var callee: Int32
  /// The top-level request this exchange belongs to.
  public var request: Int32
  /// The exchange this one was made to serve (-1 for the client's own).
  public var parent: Int32
  /// Generation of the parent when this exchange was made (the parent may be gone since).
  public var parentGeneration: UInt32
  public var head: RequestHead
  public var startedAt: SimTime
  /// Progress counter owned by the caller (call index, attempt number, …).
  public var step: Int32
  /// Context owned by the callee (a chosen target, a route, …).
  public var calleeContext: Int64
  /// Context owned by the caller.
  public var callerContext: Int64
  /// The failure delivered when the timeout fires (packets dropped on the way).
  public var pendingFailure: Response?
  /// What reaches the caller: set when the callee answers (`World.reply`, `World.fail`) or the
  /// timeout fires, always before the caller's `handleResponse`; meaningless until then (a
  /// reused slot still holds its previous exchange's).
  public var response: Response
  /// One-way latency back to the caller.
  public var returnLatency: SimDuration
  /// Source address the callee sees.
  public var sourceAddress: UInt32
  /// ENI (index) the callee received the request on, -1 for local delivery.
  public var calleeInterface: Int32
}

/// The exchanges of a run; a reused slot gets the next generation number.
///
/// It belongs to one `World`: its slots are a reference (`Slab`), so a copy of the table shares
/// them, and writing a field is a plain store (no copy-on-write check).
public struct ExchangeTable {
  let slab = Slab<Exchange>()

  public init() {}

  public mutating func allocate(_ exchange: Exchange) -> Int32 {
    slab.allocate { previous in
      var value = exchange
      value.generation = previous.map { $0.generation &+ 1 } ?? 0
      return value
    }
  }

  /// Opens a new exchange from its caller's side, rewriting a freed slot in place when there
  /// is one (what `allocate(Exchange(...))` does, without building and copying a whole
  /// `Exchange` per hop).
  public mutating func open(request: Int32, parent: Int32, parentGeneration: UInt32, caller: Int32, head: consuming RequestHead,
                            startedAt: SimTime, depth: Int16, callerContext: Int64) -> Int32 {
    if let (index, slot) = slab.takeFreed() {
      slot.pointee.head = head
      rewrite(slot, request: request, parent: parent, parentGeneration: parentGeneration, caller: caller,
              startedAt: startedAt, depth: depth, callerContext: callerContext)
      return index
    }
    return allocate(Exchange(
      generation: 0, isOpen: true, answered: false, depth: depth, caller: caller, callee: -1, request: request,
      parent: parent, parentGeneration: parentGeneration, head: head, startedAt: startedAt, step: 0, calleeContext: 0,
      callerContext: callerContext, pendingFailure: nil, response: .failure(.notCompleted), returnLatency: .zero,
      sourceAddress: 0, calleeInterface: -1))
  }

  /// `open`, for a request that goes on with its parent's head unchanged (a layer-4 load
  /// balancer, a sidecar handing the request to its application), when nothing will read the
  /// parent's head again: the new exchange takes the head by swapping it with the stale head
  /// that the freed slot still holds, so no reference count changes. Copying it would cost an
  /// atomic retain now and an atomic release when the slot is next reused: a tenth of the time
  /// of a forwarding hop. The parent is left with the stale head (released when its own slot is
  /// reused): the caller must not read it again, nor let a trace read it (`World.openChild`
  /// copies for traced requests). Nor may the parent's caller read it after the answer: an Envoy
  /// that may retry an attempt keeps its own copy of the attempt's head (`UpstreamCall.retryHead`).
  public mutating func open(request: Int32, takingHeadOf parent: Int32, parentGeneration: UInt32, caller: Int32,
                            startedAt: SimTime, depth: Int16, callerContext: Int64) -> Int32 {
    if let (index, slot) = slab.takeFreed() {
      swap(&slot.pointee.head, &slab.pointer(to: parent).pointee.head)
      rewrite(slot, request: request, parent: parent, parentGeneration: parentGeneration, caller: caller,
              startedAt: startedAt, depth: depth, callerContext: callerContext)
      return index
    }
    return open(request: request, parent: parent, parentGeneration: parentGeneration, caller: caller, head: slab[parent].head,
                startedAt: startedAt, depth: depth, callerContext: callerContext)
  }

  /// Rewrites a freed slot, taken by `open`, for a new exchange (all but its head), in place.
  @inline(__always)
  private func rewrite(_ slot: UnsafeMutablePointer<Exchange>, request: Int32, parent: Int32, parentGeneration: UInt32,
                       caller: Int32, startedAt: SimTime, depth: Int16, callerContext: Int64) {
    // `response` keeps the previous occupant's: every way an exchange reaches its caller
    // (`World.reply`, `World.fail`, the timeout) sets it first, and nothing reads it before.
    slot.pointee.request = request
    slot.pointee.parent = parent
    slot.pointee.parentGeneration = parentGeneration
    slot.pointee.caller = caller
    slot.pointee.callee = -1
    slot.pointee.startedAt = startedAt
    slot.pointee.generation &+= 1
    slot.pointee.depth = depth
    slot.pointee.step = 0
    slot.pointee.calleeContext = 0
    slot.pointee.callerContext = callerContext
    slot.pointee.isOpen = true
    slot.pointee.answered = false
    slot.pointee.pendingFailure = nil
    slot.pointee.returnLatency = .zero
    slot.pointee.sourceAddress = 0
    slot.pointee.calleeInterface = -1
  }

  @inline(__always)
  public mutating func release(_ index: Int32) {
    slab[index].isOpen = false
    slab.release(index)
  }

  /// `release(_:)` for an exchange already marked closed, whose index the event loop has
  /// checked (`World.close` marks it before its caller sees the response): frees the slot
  /// without writing or checking it again (slots are never removed).
  @inline(__always)
  mutating func releaseClosed(_ index: Int32) {
    assert(!slab[index].isOpen, "release an exchange that is still open")
    slab.release(checked: index)
  }

  /// Exchange `index`, read and written in place: `table[e].field` reads or sets that one
  /// field without copying the exchange (and its request head).
  public subscript(index: Int32) -> Exchange {
    _read { yield slab[index] }
    nonmutating _modify { yield &slab[index] }
  }

  public var liveCount: Int { slab.liveCount }
}
