/// A min-heap of values stored in one contiguous array: the simulation's future event list.
///
/// Follows the swift-collections `Heap` vocabulary (`insert`, `min`, `popMin`, `removeMin`,
/// `unordered`). The order of elements that compare equal is unspecified, so the kernel never
/// relies on it: its keys are unique (see `EventKey`).
public struct BinaryHeap<Element: Comparable> {
  /// Level-order storage: the children of index `i` are `2i + 1` and `2i + 2`.
  @usableFromInline var storage: ContiguousArray<Element>

  /// Creates an empty heap.
  ///
  /// - Complexity: O(1)
  @inlinable
  public init() {
    storage = []
  }

  /// Creates a heap holding `elements`.
  ///
  /// - Complexity: O(n) (Floyd's bottom-up construction)
  @inlinable
  public init(_ elements: some Sequence<Element>) {
    storage = ContiguousArray(elements)
    var index = storage.count / 2
    while index > 0 {
      index -= 1
      siftDown(from: index)
    }
  }

  /// The number of elements.
  ///
  /// - Complexity: O(1)
  @inlinable
  public var count: Int { storage.count }

  /// Whether the heap holds no elements.
  ///
  /// - Complexity: O(1)
  @inlinable
  public var isEmpty: Bool { storage.isEmpty }

  /// The smallest element, or nil when empty.
  ///
  /// - Complexity: O(1)
  @inlinable
  public var min: Element? { storage.first }

  /// All elements in storage order, which is not sorted.
  ///
  /// - Complexity: O(1) (the storage is shared copy-on-write)
  @inlinable
  public var unordered: ContiguousArray<Element> { storage }

  /// Reserves room for `minimumCapacity` elements so that inserting up to that many does not
  /// reallocate.
  ///
  /// - Complexity: O(n) when it reallocates, otherwise O(1)
  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    storage.reserveCapacity(minimumCapacity)
  }

  /// Adds `element`.
  ///
  /// - Complexity: O(log n); amortised O(1) storage growth
  @inlinable
  public mutating func insert(_ element: Element) {
    storage.append(element)
    storage.withUnsafeMutableBufferPointer { buffer in
      HeapOrder.siftUp(element, from: buffer.count - 1, in: buffer.baseAddress.unsafelyUnwrapped)
    }
  }

  /// Removes and returns the smallest element, or returns nil when empty.
  ///
  /// - Complexity: O(log n)
  @inlinable
  public mutating func popMin() -> Element? {
    storage.isEmpty ? nil : removeMin()
  }

  /// Removes and returns the smallest element. The heap must not be empty (see
  /// `HeapOrder.replaceMin(with:in:count:)`).
  ///
  /// - Complexity: O(log n)
  @inlinable
  @discardableResult
  public mutating func removeMin() -> Element {
    precondition(!storage.isEmpty, "removeMin() on an empty heap")
    let last = storage.removeLast()
    if storage.isEmpty { return last }
    return storage.withUnsafeMutableBufferPointer { buffer in
      HeapOrder.replaceMin(with: last, in: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count)
    }
  }

  /// Restores the heap order below `index`, assuming both subtrees are heaps.
  ///
  /// - Complexity: O(log n)
  @inlinable
  mutating func siftDown(from index: Int) {
    storage.withUnsafeMutableBufferPointer { buffer in
      let element = buffer[index]
      let count = buffer.count
      var hole = index
      while true {
        var child = 2 &* hole &+ 1
        if child >= count { break }
        if child + 1 < count && buffer[child + 1] < buffer[child] { child += 1 }
        guard buffer[child] < element else { break }
        buffer[hole] = buffer[child]
        hole = child
      }
      buffer[hole] = element
    }
  }
}

extension BinaryHeap: Sendable where Element: Sendable {}
