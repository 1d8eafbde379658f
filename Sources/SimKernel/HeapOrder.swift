/// The two heap moves on level-order storage (children of `i` at `2i + 1` and `2i + 2`), shared
/// by `BinaryHeap` and the simulation's `ScheduledEvents`, which keeps its entries in memory it
/// owns.
@usableFromInline
enum HeapOrder {
  /// Moves `element`, which belongs at index `hole` (initialised), up past every larger
  /// ancestor and stores it where it stops.
  ///
  /// - Complexity: O(log n)
  @inlinable
  @inline(__always)
  static func siftUp<Element: Comparable>(_ element: Element, from hole: Int, in base: UnsafeMutablePointer<Element>) {
    var hole = hole
    while hole > 0 {
      let parent = (hole &- 1) >> 1  // hole > 0
      guard element < base[parent] else { break }
      base[hole] = base[parent]
      hole = parent
    }
    base[hole] = element
  }

  /// Returns the smallest of the `count` (at least one) elements at `base` and puts `last`, the
  /// element just taken off the end, in its place.
  ///
  /// The bottom-up variant: the hole left at the root walks down to a leaf along the smaller
  /// children (one comparison per level), then `last` is sifted up from there, which is usually
  /// zero or one step for event queues.
  ///
  /// - Complexity: O(log n)
  @inlinable
  @inline(__always)
  static func replaceMin<Element: Comparable>(with last: Element, in base: UnsafeMutablePointer<Element>, count: Int) -> Element {
    let minimum = base[0]
    var hole = 0
    var child = 1
    while child < count {
      let right = child &+ 1  // child < count: no overflow
      if right < count && base[right] < base[child] { child = right }
      base[hole] = base[child]
      hole = child
      child = 2 &* hole &+ 1
    }
    siftUp(last, from: hole, in: base)
    return minimum
  }
}
