import SimKernel

/// One movement of a traced request between two actors: the request arriving at its callee, or
/// the answer (or the caller giving up) arriving back at the caller.
///
/// Reports draw these on the topology diagram; `fromNode`/`toNode` are the diagram's nodes
/// (``SimActor/groupName``), `fromActor`/`toActor` the actors themselves (a task, its sidecar).
public struct TraceHop: Sendable, Equatable {
  public enum Direction: String, Sendable {
    /// The request reached `toActor`.
    case request
    /// The answer reached `toActor` (the original caller).
    case response
  }
  public var time: SimTime
  public var direction: Direction
  public var fromActor: String
  public var toActor: String
  public var fromNode: String
  public var toNode: String
  /// The request line as this hop carried it (`GET backend.local:80/`).
  public var request: String
  /// For responses: the HTTP status (nil when there was none) and the disposition.
  public var status: Int?
  public var disposition: String?
  /// How many trace steps were recorded before this hop, to interleave hops with steps.
  public var afterStep: Int

  public init(
    time: SimTime, direction: Direction, fromActor: String, toActor: String, fromNode: String,
    toNode: String, request: String, status: Int? = nil, disposition: String? = nil, afterStep: Int
  ) {
    self.time = time
    self.direction = direction
    self.fromActor = fromActor
    self.toActor = toActor
    self.fromNode = fromNode
    self.toNode = toNode
    self.request = request
    self.status = status
    self.disposition = disposition
    self.afterStep = afterStep
  }
}
