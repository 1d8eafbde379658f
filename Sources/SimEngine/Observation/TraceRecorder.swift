import NetworkModel
import SimKernel

/// Keeps the traces of the selected requests only, so memory stays flat in the request count.
public struct TraceRecorder: Sendable {
  public let selection: TraceSelection
  public private(set) var traces: [RequestTrace] = []

  public init(selection: TraceSelection) { self.selection = selection }

  /// Whether request `index` of `stream` gets a trace: checked before `begin`, so that an
  /// untraced request does not fetch (and retain) the strings a trace starts with.
  @inline(__always)
  public func selects(stream: Int, index: Int) -> Bool {
    switch selection {
    case .none: return false
    case .first(let limit): return traces.count < limit
    case .request(let s, let i): return s == stream && i == index
    }
  }

  /// Opens a trace for request `index` of `stream` when selected; returns its slot or -1.
  public mutating func begin(stream: Int, index: Int, streamName: String, method: String, url: String, at time: SimTime) -> Int32 {
    guard selects(stream: stream, index: index) else { return -1 }
    traces.append(RequestTrace(stream: streamName, index: index, method: method, url: url, startedAt: time, steps: []))
    return Int32(traces.count - 1)
  }

  public mutating func append(_ slot: Int, _ step: TraceStep) {
    traces[slot].steps.append(step)
  }

  public mutating func appendHop(_ slot: Int, _ hop: TraceHop) {
    var hop = hop
    hop.afterStep = traces[slot].steps.count
    traces[slot].hops.append(hop)
  }

  mutating func finish(_ slot: Int, response: Response, at time: SimTime, world: World) {
    traces[slot].finishedAt = time
    traces[slot].status = response.status == 0 ? nil : response.status
    traces[slot].disposition = response.disposition.rawValue
    traces[slot].service = world.serviceName(response.originService)
    traces[slot].task = world.taskName(response.originTask)
    traces[slot].body = world.bodies.string(response.body)
  }
}
