/// A FIFO of pending events that were all scheduled with the same delay.
///
/// Events scheduled `delay` after a clock that never goes backwards come due in scheduling
/// order, so a plain queue is already sorted by `(time, sequence)`: appending and popping are
/// O(1) instead of the heap's O(log n), and the heap stays small. Timeouts are the case that
/// matters: every exchange arms one, almost none fire, and all share a handful of durations.
@usableFromInline
struct DelayLane<Payload> {
  @usableFromInline
  struct Entry {
    @usableFromInline let time: Int64
    @usableFromInline let sequence: UInt64
    @usableFromInline let payload: Payload

    @inlinable
    init(time: Int64, sequence: UInt64, payload: Payload) {
      self.time = time
      self.sequence = sequence
      self.payload = payload
    }
  }

  /// The delay every event of the lane was scheduled with, in nanoseconds.
  @usableFromInline let delay: Int64
  /// Pending entries from `head` on; entries before `head` have been popped.
  @usableFromInline var entries: ContiguousArray<Entry>
  @usableFromInline var head: Int

  @inlinable
  init(delay: Int64) {
    self.delay = delay
    entries = []
    head = 0
  }

  @inlinable
  var count: Int { entries.count - head }

  @inlinable
  var isEmpty: Bool { head == entries.count }

  /// The earliest pending entry. The lane must not be empty.
  @inlinable
  var front: Entry { entries[head] }

  @inlinable
  mutating func append(_ entry: Entry) {
    entries.append(entry)
  }

  /// Removes the front entry, compacting the storage once most of it has been popped (so each
  /// entry is moved at most once on average).
  @inlinable
  mutating func removeFront() {
    head += 1
    if head == entries.count {
      entries.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 4096 && head * 2 >= entries.count {
      entries.removeSubrange(0..<head)
      head = 0
    }
  }
}

extension DelayLane: Sendable where Payload: Sendable {}
extension DelayLane.Entry: Sendable where Payload: Sendable {}
