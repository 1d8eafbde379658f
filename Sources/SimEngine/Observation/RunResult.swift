import NetworkModel
import SimKernel

/// Everything a run observed, in plain sorted values, ready for any report format.
public struct RunResult: Sendable {
  /// One report row: a distinct (service, task, status, disposition) and how often it happened.
  public struct OutcomeRow: Sendable, Equatable {
    public var service: String?
    public var task: String?
    public var status: Int?
    public var disposition: String
    public var count: Int
    /// The body, when every answer in the row carried the same one.
    public var body: String?
  }
  public struct Stream: Sendable {
    public var name: String
    public var origin: String
    public var request: String
    public var sent: Int
    public var outcomes: [OutcomeRow]
    public var latency: LatencyHistogram
    /// Outcome rows per second of request start, for timelines.
    public var perSecond: [(second: Int, rows: [OutcomeRow])]
  }
  public var scenario: String
  public var seed: UInt64
  public var streams: [Stream]
  public var expectations: [ExpectationResult]
  public var fingerprint: String
  public var processedEvents: Int
  public var stoppedAtEventLimit: Bool
  public var endTime: SimTime
  public var traces: [RequestTrace]
  public var timeline: [TimelineEntry]
  /// Requests carried between pairs of actors (`from → to`), for topology diagrams.
  public var edges: [(from: String, to: String, count: Int)]
  /// The diagram's nodes: every edge end and traffic origin, sorted by name, with their kind.
  public var nodes: [TopologyNode] = []
  /// Every ECS task the run started, in start order, with when requests reached it.
  public var tasks: [TaskActivity] = []

  public var passed: Bool { expectations.allSatisfy(\.passed) }
}
