extension UnsafeMutablePointer {
  /// New memory for `capacity` elements that holds the first `count` elements moved out of this
  /// memory, which is then freed: how the kernel's raw-memory stores (`ScheduledEvents`,
  /// `EventWheel`) grow. `capacity` must be at least `count`.
  @inlinable
  func moved(count: Int, toNewCapacity capacity: Int) -> UnsafeMutablePointer<Pointee> {
    precondition(capacity >= count, "the new memory is too small")
    let bigger = UnsafeMutablePointer<Pointee>.allocate(capacity: capacity)
    bigger.moveInitialize(from: self, count: count)
    deallocate()
    return bigger
  }
}
