import SimKernel

/// A timed change to the world: an AWS API call written in its request shape, or a fault.
public struct EventSpec: Sendable {
  public var at: SimDuration
  public var action: EventAction
  public var source: SourceRef
}
