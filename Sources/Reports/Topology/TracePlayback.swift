import SimEngine
import SimKernel

/// One traced request as a sequence of frames for a step-through: every trace step and every
/// hop between actors, in the order they happened, each with where the request is at that
/// moment (a node of the ``TopologyGraph``) and the edge it is crossing, if any.
///
/// Like a network simulator's packet view: a request hop moves the request along an edge to the
/// callee's node, a response hop moves the answer back along the same edge to the caller.
public struct TracePlayback: Sendable, Equatable {
  public struct Frame: Sendable, Equatable {
    public enum Movement: String, Sendable {
      /// A decision or note where the request is.
      case none
      /// The request crossed an edge forwards.
      case request
      /// The answer crossed an edge backwards.
      case response
    }
    public var time: SimTime
    /// The step kind (`resolved`, `permitted`, …), or `request`/`response` for hops.
    public var kind: String
    public var actor: String
    public var detail: String
    /// Node where the request is after this frame (-1 when the graph lacks it).
    public var node: Int
    /// Edge crossed by this frame (-1 for none).
    public var edge: Int
    public var movement: Movement
  }
  public var title: String
  /// The final outcome in one line (`200 delivered · service backend · task backend/1 · 10.08 ms`).
  public var outcome: String
  public var frames: [Frame]

  public init(_ trace: RequestTrace, origin: String, graph: TopologyGraph) {
    title = "\(trace.stream) #\(trace.index): \(trace.method) \(trace.url)"
    var outcome = trace.status.map { "\($0) " } ?? ""
    outcome += trace.disposition ?? "notCompleted"
    if let service = trace.service { outcome += " · service \(service)" }
    if let task = trace.task { outcome += " · task \(task)" }
    if let finished = trace.finishedAt {
      outcome += " · \(ReportNumbers.milliseconds(finished - trace.startedAt)) ms"
    }
    self.outcome = outcome
    var frames: [Frame] = []
    var position = graph.node(named: origin) ?? -1
    var hopIndex = 0
    func addHops(upTo step: Int) {
      while hopIndex < trace.hops.count && trace.hops[hopIndex].afterStep <= step {
        let hop = trace.hops[hopIndex]
        hopIndex += 1
        let from = graph.node(named: hop.fromNode) ?? -1
        let to = graph.node(named: hop.toNode) ?? -1
        var edge = -1
        if from >= 0 && to >= 0 && from != to {
          edge =
            hop.direction == .request
            ? graph.edge(from: from, to: to) ?? -1 : graph.edge(from: to, to: from) ?? -1
        }
        position = to
        let detail: String
        switch hop.direction {
        case .request: detail = "\(hop.request) reaches \(hop.toActor)"
        case .response:
          detail =
            (hop.status.map { "\($0) " } ?? "") + (hop.disposition ?? "")
            + " back to \(hop.toActor)"
        }
        frames.append(
          Frame(
            time: hop.time, kind: hop.direction.rawValue,
            actor: "\(hop.fromActor) → \(hop.toActor)",
            detail: detail, node: to, edge: edge,
            movement: hop.direction == .request ? .request : .response))
      }
    }
    var actorNodes: [String: Int] = [:]
    for hop in trace.hops {
      actorNodes[hop.fromActor] = graph.node(named: hop.fromNode) ?? -1
      actorNodes[hop.toActor] = graph.node(named: hop.toNode) ?? -1
    }
    for (index, step) in trace.steps.enumerated() {
      addHops(upTo: index)
      // A step taken by a known actor (a security-group check at the callee's ENI) shows there.
      let node =
        Self.actor(of: step, among: actorNodes.keys.sorted()).flatMap { actorNodes[$0] } ?? position
      frames.append(
        Frame(
          time: step.time, kind: step.kind.rawValue, actor: step.actor, detail: step.detail,
          node: node, edge: -1, movement: .none))
    }
    addHops(upTo: Int.max)
    self.frames = frames
  }

  /// The actor a step's label names: the actor itself (`backend/1`) or an interface label ending
  /// in it (`10.0.10.5 (backend/1)`).
  public static func actor(of step: TraceStep, among actors: [String]) -> String? {
    actors.first { step.actor == $0 || step.actor.hasSuffix("(\($0))") }
  }
}
