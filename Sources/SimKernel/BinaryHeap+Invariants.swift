#if DEBUG
extension BinaryHeap {
  /// A description of the first place where a child is smaller than its parent, or nil when
  /// the heap order holds. Debug builds only; tests use it to report the failing seed.
  ///
  /// - Complexity: O(n)
  public func invariantViolation() -> String? {
    var index = 1
    while index < storage.count {
      let parent = (index - 1) / 2
      if storage[index] < storage[parent] {
        return "heap order broken: element at \(index) is smaller than its parent at \(parent)"
      }
      index += 1
    }
    return nil
  }

  /// Traps when the heap order does not hold. Debug builds only.
  ///
  /// - Complexity: O(n)
  public func checkInvariants() {
    if let violation = invariantViolation() {
      preconditionFailure(violation)
    }
  }
}
#endif
