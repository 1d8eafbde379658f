import SimKernel

/// One decision or movement in a request's journey (Batfish-style typed steps).
public struct TraceStep: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case sent, resolved, forwarded, received, matched, permitted, denied, answered, returned, failed, note
  }
  public var time: SimTime
  public var actor: String
  public var kind: Kind
  public var detail: String

  public init(time: SimTime, actor: String, kind: Kind, detail: String) {
    self.time = time
    self.actor = actor
    self.kind = kind
    self.detail = detail
  }
}

/// The whole journey of one traced request and where it ended.
public struct RequestTrace: Sendable {
  public var stream: String
  public var index: Int
  public var method: String
  public var url: String
  public var startedAt: SimTime
  public var steps: [TraceStep]
  /// The request's movements between actors, in order (see ``TraceHop``).
  public var hops: [TraceHop] = []
  public var finishedAt: SimTime?
  public var status: Int?
  public var disposition: String?
  public var service: String?
  public var task: String?
  public var body: String?
}

/// Which requests to trace: the first N of the run, or one particular request.
public enum TraceSelection: Sendable {
  case none
  case first(Int)
  case request(stream: Int, index: Int)
}
