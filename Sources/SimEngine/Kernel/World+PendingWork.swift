import SimKernel

extension World {
  /// Whether anything is left to happen besides periodic housekeeping: a traffic stream still
  /// to send, an exchange in flight, or a scenario event still to fire. Periodic actors (health
  /// checkers) stop rescheduling when this is false, so a run ends when its traffic is done.
  public var hasPendingWork: Bool {
    if exchanges.liveCount > 0 { return true }
    for (index, stream) in model.traffic.enumerated() where statistics[index].sent < stream.count {
      return true
    }
    if let last = model.events.last, now < SimTime.zero + last.at { return true }
    return false
  }
}
