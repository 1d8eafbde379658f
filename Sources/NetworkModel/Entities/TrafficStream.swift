import ScenarioFormat
import SimKernel

/// A resolved traffic stream: who sends, what, how many and when.
public struct TrafficStream: Sendable {
  /// Who sends the stream's requests: a client (index), any task of a service (index), one task
  /// of a service, or one standalone task.
  public enum Origin: Sendable, Equatable {
    case client(Int)
    case service(Int)
    /// A task by its stable name (`service/2`), resolved when the request is sent.
    case task(service: Int, ordinal: Int)
    case standaloneTask(Int, ordinal: Int)
  }
  public var name: String
  public var origin: Origin
  public var method: String
  public var url: String
  public var headers: [(String, String)]
  public var count: Int
  public var interval: SimDuration
  public var start: SimDuration
  public var arrival: TrafficSpec.Arrival
  public var timeout: SimDuration
  public var principal: String?
  public var unsigned: Bool
  public var source: SourceRef
}
